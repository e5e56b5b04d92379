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

// ginHandler accepts a route's handler in either shape while handlers move
// to handlerFunc.
func (s *server) ginHandler(h any) gin.HandlerFunc {
	switch h := h.(type) {
	case func(*gin.Context) error:
		return s.errorsTo(h)
	case handlerFunc:
		return s.errorsTo(h)
	case func(*gin.Context):
		return h
	case gin.HandlerFunc:
		return h
	}
	panic("route handler of unknown shape") // caught by every router test
}
