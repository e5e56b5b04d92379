package handlers

import (
	"context"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/members"
	"yishi/internal/talents"
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
//	@Summary	List and search the members of a unit's subtree
//	@Description	Covers the whole subtree (a community lead sees the members of its grids). q matches a name (substring) or a full phone (exact; a partial phone finds nobody); a phone of someone outside the caller's scope finds nothing, like an unknown one. identity, grid (a unit id of the subtree) and skill (a talent skill of the linked talent) narrow the list. Phones are masked.
//	@ID			listMembers
//	@Tags		members
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int		true	"unit id"
//	@Param		q			query		string	false	"name or full phone"
//	@Param		identity	query		string	false	"a stakeholder identity, e.g. building_head"
//	@Param		grid		query		int		false	"only members of this unit of the subtree"
//	@Param		skill		query		string	false	"only members recorded as talents with this skill"
//	@Param		limit		query		int		false	"page size, 1-200"
//	@Param		cursor		query		string	false	"next_cursor of the previous page"
//	@Success	200			{object}	pageOf[memberResponse]
//	@Failure	400			{object}	problem	"q, identity, grid, limit or cursor invalid"
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem	"unit.not_found"
//	@Router		/v1/units/{id}/members [get]
func (s *server) listMembers(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	f, err := s.memberFilter(c, u)
	if err != nil {
		return err
	}
	return respondPage(c, func(p page) ([]*ent.Membership, error) {
		rows, err := members.InSubtree(c.Request.Context(), s.Store.Client, u.Path, f, p.After, p.Limit+1)
		if err != nil {
			return nil, err
		}
		return rows, s.auditPersonalRead(c, personalRead{tenantID: u.TenantID, unitPath: u.Path,
			targetType: "unit", targetID: u.ID, rows: countAddresses(rows)})
	}, func(m *ent.Membership) int { return m.ID },
		func(m *ent.Membership) memberResponse { return newMemberResponse(m, false) })
}

// countAddresses is how many memberships show an address: the personal
// data a member list reveals to staff (phones are masked).
func countAddresses(rows []*ent.Membership) int {
	n := 0
	for _, m := range rows {
		if m.Address != "" {
			n++
		}
	}
	return n
}

// memberFilter reads the member list's query parameters.
func (s *server) memberFilter(c *gin.Context, u *ent.Unit) (members.Filter, error) {
	f := members.Filter{Q: c.Query("q"), Identity: c.Query("identity")}
	var bad []apperr.FieldError
	if utf8.RuneCountInString(f.Q) > 100 || hasControl(f.Q) {
		bad = append(bad, apperr.FieldError{Field: "q", Message: "must be at most 100 characters, without control characters"})
	}
	if skill := c.Query("skill"); skill != "" && len(checkSkills([]string{skill}, false)) > 0 {
		bad = append(bad, apperr.FieldError{Field: "skill", Message: "must be one skill of at most 20 characters"})
	}
	if f.Identity != "" && !stakeholderIdentities.Has(f.Identity) {
		bad = append(bad, apperr.FieldError{Field: "identity", Message: "is not a stakeholder identity"})
	}
	if v := c.Query("grid"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			bad = append(bad, apperr.FieldError{Field: "grid", Message: "must be a unit id"})
		}
		f.UnitID = n
	}
	if len(bad) > 0 {
		return f, apperr.Invalid(bad...)
	}
	if skill := c.Query("skill"); skill != "" {
		ids, err := talents.UserIDsWithSkill(c.Request.Context(), s.Store.Client, u.Path, skill)
		if err != nil {
			return f, err
		}
		f.UserIDs = append([]int{}, ids...)
	}
	return f, nil
}
