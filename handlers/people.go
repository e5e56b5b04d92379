package handlers

import (
	"slices"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/members"
)

// errNoSuchUser is the one answer for a user_id staff may not name: the
// id of nobody and the id of a user outside the tenant read alike (issue
// 15), so the answer cannot be used to probe other tenants' residents.
func errNoSuchUser(field string) error {
	return &apperr.Error{Kind: apperr.KindUnprocessable, Code: "user.not_found", Detail: field + " names no user",
		Fields: []apperr.FieldError{{Field: field, Message: "names no user"}}}
}

// requireKnownUser checks that userID names a user known to the tenant
// (a membership or a live role in it, members.KnownToTenant): a meeting
// participant or an organization member.
func (s *server) requireKnownUser(c *gin.Context, tenantID, userID int) error {
	known, err := members.KnownToTenant(c.Request.Context(), s.Store.Client, tenantID, []int{userID})
	if err != nil {
		return err
	}
	if !slices.Contains(known, userID) {
		return errNoSuchUser("user_id")
	}
	return nil
}

// requireAdmissibleUser checks that the tenant may take userID in: known
// to it, or a registered user of no tenant yet (members.Admissible). A new
// member and a grantee are checked so, since a membership is how a newly
// registered resident joins and a first grant is how staff arrive.
func (s *server) requireAdmissibleUser(c *gin.Context, tenantID, userID int) error {
	ok, err := members.Admissible(c.Request.Context(), s.Store.Client, tenantID, []int{userID})
	if err != nil {
		return err
	}
	if !slices.Contains(ok, userID) {
		return errNoSuchUser("user_id")
	}
	return nil
}
