package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/user"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// caller returns the authenticated viewer; authentication middleware has
// already refused requests without one.
func caller(c *gin.Context) *viewer.Viewer { return viewer.FromContext(c.Request.Context()) }

// allow decides whether the caller may do obj:act at the unit with the
// given path ("" for platform-level actions). Outside the caller's scope
// the answer is 404, so a caller cannot learn that the target exists;
// inside it, a missing permission is 403.
func (s *server) allow(c *gin.Context, obj, act, path string) error {
	v := caller(c)
	if v == nil {
		return apperr.Unauthorized("authentication required")
	}
	if v.TokenAllows(obj, act) && s.Policy.Enforce(v.Subject, obj, act, path) {
		return nil
	}
	if path == "" || v.Platform || v.InScope(path) {
		return apperr.Forbidden("you may not " + act + " " + obj + " here")
	}
	return apperr.NotFound(notFoundName(obj))
}

// notFoundName maps a permission object to the resource named in a 404.
func notFoundName(obj string) string {
	switch obj {
	case "tenant", "member", "role_assignment", "api_client", "audit":
		return "unit"
	}
	return obj
}

// requireUser checks that userID names an existing user; a grant or a
// membership for nobody is a field error, not a 404 of the URL's unit.
func (s *server) requireUser(c *gin.Context, userID int) error {
	ok, err := s.Store.Client.User.Query().Where(user.ID(userID)).Exist(c.Request.Context())
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
// loadUnit reads the unit named by :id as the caller (privacy hides units
// outside their scope) and checks unit:act on it.
func (s *server) loadUnit(c *gin.Context, act string) (*ent.Unit, error) {
	return s.loadUnitFor(c, "unit", act)
}

// loadUnitFor is loadUnit for a permission on another object held at the
// unit, such as member:create.
func (s *server) loadUnitFor(c *gin.Context, obj, act string) (*ent.Unit, error) {
	id, err := pathID(c, "id", "unit")
	if err != nil {
		return nil, err
	}
	u, err := s.Store.Client.Unit.Get(c.Request.Context(), id)
	if err != nil {
		if ent.IsNotFound(err) {
			return nil, errUnitNotFound()
		}
		return nil, err
	}
	if err := s.allow(c, obj, act, u.Path); err != nil {
		return nil, err
	}
	return u, nil
}

