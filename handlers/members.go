package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/ent/membership"
	"yishi/ent/roleassignment"
	"yishi/internal/apperr"
	"yishi/internal/audit"
	"yishi/internal/store"
)

// createMember godoc
//
//	@Summary	Add a verified member to a unit
//	@Description	Records the user's stakeholder identities at the unit and, in the same transaction, grants them the resident role there (unless they already hold it), which lets them propose, co-sign and vote.
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
//	@Failure	422		{object}	problem	"no such user"
//	@Router		/v1/units/{id}/members [post]
func (s *server) createMember(c *gin.Context) error {
	var req createMemberRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.checkNotSelf(c, req.UserID, "nobody may verify themselves as a member"); err != nil {
		return err
	}
	if err := s.requireUser(c, req.UserID); err != nil {
		return err
	}
	u := targetOf[*ent.Unit](c)
	ctx := c.Request.Context()
	v := caller(c)
	var m *ent.Membership
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		m, err = tx.Membership.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetUserID(req.UserID).SetIdentities(req.Identities).SetAddress(req.Address).
			SetNillableVerifiedBy(userIDPtr(v)).Save(ctx)
		if ent.IsConstraintError(err) {
			return apperr.Conflict("member.exists", "the user is already a member of this unit")
		}
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: v.Subject,
			Action: "member.create", TargetType: "membership", TargetID: m.ID, RequestID: requestID(c)}); err != nil {
			return err
		}
		return s.grantResidentOnce(c, tx, u, req.UserID)
	})
	if err != nil {
		return err
	}
	s.syncPolicy(c)
	m.Edges.User, _ = s.Store.Client.User.Get(ctx, req.UserID)
	c.JSON(http.StatusCreated, newMemberResponse(m, false))
	return nil
}

// checkNotSelf applies the route's deferred not_self predicate to the
// person the body names: a membership grants the resident role, so like
// a direct grant nobody may give it to themselves (DECISIONS 6), or a
// guide could verify themselves and vote. refusal is the 403's detail.
func (s *server) checkNotSelf(c *gin.Context, userID int, refusal string) error {
	t := accessTarget(c)
	t.SubjectUserID = userID
	return s.access.Check(c.Request.Context(),
		access.NotSelf().Refusing(func() error { return apperr.Forbidden(refusal) }), t)
}

// grantResidentOnce gives a new member the resident role at the unit
// unless they already hold it there.
func (s *server) grantResidentOnce(c *gin.Context, tx *ent.Tx, u *ent.Unit, userID int) error {
	ctx := c.Request.Context()
	held, err := tx.RoleAssignment.Query().Where(roleassignment.Subject(authz.UserSubject(userID)),
		roleassignment.Role(authz.RoleResident), roleassignment.Domain(u.Path), roleassignment.RevokedAtIsNil()).Exist(ctx)
	if err != nil || held {
		return err
	}
	v := caller(c)
	_, err = s.Policy.WriteGrant(ctx, tx, authz.Grant{UserID: &userID, Role: authz.RoleResident, Unit: u,
		GrantedBy: userIDPtr(v), Actor: v.Subject, RequestID: requestID(c)})
	return err
}

// listMembers godoc
//
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
		return s.Store.Client.Membership.Query().
			Where(membership.UnitID(u.ID), membership.IDGT(p.After)).WithUser().
			Order(ent.Asc(membership.FieldID)).Limit(p.Limit + 1).All(c.Request.Context())
	}, func(m *ent.Membership) int { return m.ID },
		func(m *ent.Membership) memberResponse { return newMemberResponse(m, false) })
}
