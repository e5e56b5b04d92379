package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// caller returns the authenticated viewer; authentication middleware has
// already refused requests without one.
func caller(c *gin.Context) *viewer.Viewer { return viewer.FromContext(c.Request.Context()) }

// checkIfMatch enforces If-Match when the client sent one: a stale ETag
// means someone else changed the resource since the client read it.
func (s *server) checkIfMatch(c *gin.Context, etag string) error {
	want := c.GetHeader("If-Match")
	if want == "" || want == "*" || want == etag {
		return nil
	}
	return &apperr.Error{Kind: apperr.KindPreconditionFailed, Code: "precondition.failed",
		Detail: "the resource changed since you read it (ETag " + etag + ")"}
}
