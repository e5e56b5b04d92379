package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/internal/accounts"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// caller returns the authenticated viewer; authentication middleware has
// already refused requests without one.
func caller(c *gin.Context) *viewer.Viewer { return viewer.FromContext(c.Request.Context()) }

// requireUser checks that userID names an existing user; a grant or a
// membership for nobody is a field error, not a 404 of the URL's unit.
func (s *server) requireUser(c *gin.Context, userID int) error {
	ok, err := accounts.Exists(c.Request.Context(), s.Store.Client, userID)
	if err != nil {
		return err
	}
	if !ok {
		return &apperr.Error{Kind: apperr.KindUnprocessable, Code: "user.not_found", Detail: "user_id names no user",
			Fields: []apperr.FieldError{{Field: "user_id", Message: "names no user"}}}
	}
	return nil
}

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
