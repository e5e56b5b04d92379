package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/members"
)

// createMember godoc
//
//	@ID		createMember
//	@Summary	Add a verified member to a unit
//	@Description	Records the user's stakeholder identities at the unit and, in the same transaction, grants them the resident role there (unless they already hold it), which lets them propose, co-sign and vote. The user must be known to the tenant (a membership or a live role in it) or belong to no tenant yet (newly registered); a user of other tenants only answers exactly like an id of nobody (422 user.not_found).
//	@Tags		members
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"unit id"
//	@Param		body	body		createMemberRequest	true	"the member"
//	@Success	201		{object}	memberResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"already a member"
//	@Failure	422		{object}	problem	"no such user (or a user of other tenants only, answered alike)"
//	@Router		/v1/units/{id}/members [post]
func (s *server) createMember(c *gin.Context) error {
	var req createMemberRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.checkNotSelf(c, req.UserID, "nobody may verify themselves as a member"); err != nil {
		return err
	}
	u, v := targetOf[*ent.Unit](c), caller(c)
	if err := s.requireAdmissibleUser(c, u.TenantID, req.UserID); err != nil {
		return err
	}
	m, err := members.Add(c.Request.Context(), s.Store.Client, u, members.NewMember{
		UserID: req.UserID, Identities: req.Identities, Address: req.Address, VerifiedBy: userIDPtr(v),
		Actor: v.Subject, RequestID: requestID(c), Grant: s.residentGrant(c, u, req.UserID),
	})
	if err != nil {
		return err
	}
	s.syncPolicy(c)
	c.JSON(http.StatusCreated, newMemberResponse(m, false))
	return nil
}

// checkNotSelf applies the route's deferred not_self predicate to the
// person the body names: nobody grants themselves a role, and since a
// membership grants the resident role, nobody verifies themselves as a
// member either (DECISIONS 6), or a guide could verify themselves and
// vote. refusal is the 403's detail, as the clients have always seen it.
func (s *server) checkNotSelf(c *gin.Context, userID int, refusal string) error {
	t := accessTarget(c)
	t.SubjectUserID = userID
	return s.access.Check(c.Request.Context(),
		access.NotSelf().Refusing(func() error { return apperr.Forbidden(refusal) }), t)
}

// residentGrant is the resident role a membership of u brings userID,
// written by the policy when members.Add finds it missing.
func (s *server) residentGrant(c *gin.Context, u *ent.Unit, userID int) members.RoleGrant {
	v := caller(c)
	return members.RoleGrant{Subject: authz.UserSubject(userID), Role: authz.RoleResident,
		Write: func(ctx context.Context, tx *ent.Tx) error {
			_, err := s.Policy.WriteGrant(ctx, tx, authz.Grant{UserID: &userID, Role: authz.RoleResident, Unit: u,
				GrantedBy: userIDPtr(v), Actor: v.Subject, RequestID: requestID(c)})
			return err
		}}
}

// listMembers godoc
//
//	@ID		listMembers
//	@Summary	List a unit's members
//	@Tags		members
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[memberResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/members [get]
func (s *server) listMembers(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.Membership, error) {
		return members.AtUnit(c.Request.Context(), s.Store.Client, u.ID, p.After, p.Limit+1)
	}, func(m *ent.Membership) int { return m.ID },
		func(m *ent.Membership) memberResponse { return newMemberResponse(m, false) })
}
