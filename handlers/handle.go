package handlers

import "github.com/gin-gonic/gin"

// handlerFunc is the shape of every handler: it writes its success answer
// and returns any error, which errorsTo turns into the problem document.
// The one adapter keeps the "write the error, then return" pair out of
// handlers.
type handlerFunc func(c *gin.Context) error

// errorsTo adapts h to gin: a returned error becomes the problem answer
// through writeError, the single error map.
func (s *server) errorsTo(h handlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			writeError(c, s.Logger, err)
		}
	}
}
