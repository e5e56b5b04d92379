package handlers

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// limitWrites refuses an authenticated caller's write (any method but GET
// and HEAD) beyond YISHI_WRITE_RATE per minute with 429 and Retry-After,
// so one account (or one stolen token) cannot flood a community with
// proposals, comments or attachments. Routes marked Unmetered (casting a
// ballot) are never refused: a vote must not be lost to a rate limit.
// The count is per instance: with N instances a caller gets at most N
// times the rate, which bounds abuse well enough (DECISIONS.md).
func (s *server) limitWrites(rt route) gin.HandlerFunc {
	return func(c *gin.Context) {
		if rt.Unmetered || c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead {
			c.Next()
			return
		}
		v := viewer.FromContext(c.Request.Context())
		if v == nil {
			c.Next()
			return
		}
		if ok, wait := s.Writes.Allow(v.Subject); !ok {
			secs := max(int((wait+time.Second-1)/time.Second), 1)
			writeError(c, s.Logger, &apperr.Error{Kind: apperr.KindTooMany, Code: "write.rate_limited",
				Detail:     "too many changes in a minute (YISHI_WRITE_RATE); retry after " + strconv.Itoa(secs) + "s",
				RetryAfter: secs})
			return
		}
		c.Next()
	}
}
