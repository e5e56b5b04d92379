package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/grants"
	"yishi/internal/store"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// createRoleAssignment godoc
//
//	@ID		createRoleAssignment
//	@Summary	Grant a role at a unit
//	@Description	tenant_admin grants any tenant role inside its subtree; lead grants guide, implementer and resident inside its subtree; platform_admin appoints a subdistrict's first tenant_admin. Once the tenant has a live tenant_admin, the platform operator grants there only by breaking glass: break_glass true with a reason, recorded in the audit log as role.break_glass (with the reason and the tenant admins it is addressed to) next to the grant, and notified to each of those admins in their inbox (kind break_glass, audit_id) in the same transaction; without it the answer is 403 role_assignment.tenant_has_admin. Nobody grants outside their scope, a role stronger than their own, or to themselves. The grantee must be known to the tenant (a membership or a live role in it) or belong to no tenant yet; anyone else answers like an id of nobody (422 user.not_found). Audited.
//	@Tags		roles
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int							true	"unit id"
//	@Param		body	body		createRoleAssignmentRequest	true	"the grant"
//	@Success	201		{object}	roleAssignmentResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	403		{object}	problem	"role_assignment.tenant_has_admin: the platform operator grants in a tenant with admins only by breaking glass"
//	@Failure	409		{object}	problem	"already granted"
//	@Failure	422		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/units/{id}/role-assignments [post]
func (s *server) createRoleAssignment(c *gin.Context) error {
	var req createRoleAssignmentRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u := targetOf[*ent.Unit](c)
	if err := s.checkGrant(c, u, req); err != nil {
		return err
	}
	glass, err := s.checkBreakGlass(c, u, req)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	v := caller(c)
	var ra *ent.RoleAssignment
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		ra, err = s.Policy.WriteGrant(ctx, tx, authz.Grant{
			UserID: &req.UserID, Role: req.Role, Unit: u, GrantedBy: userIDPtr(v),
			Actor: v.Subject, RequestID: requestID(c),
		})
		if err != nil || glass == nil {
			return err
		}
		glass.AssignmentID = ra.ID
		return grants.RecordBreakGlass(ctx, tx, *glass)
	})
	if err != nil {
		return err
	}
	s.syncPolicy(c)
	c.Header("Location", "/v1/role-assignments/"+strconv.Itoa(ra.ID))
	c.JSON(http.StatusCreated, newRoleAssignmentResponse(ra))
	return nil
}

// checkGrant makes the checks the route defers to the body: the power to
// grant this role here, the not_self predicate, the platform operator's
// reach, and that the grantee exists.
func (s *server) checkGrant(c *gin.Context, u *ent.Unit, req createRoleAssignmentRequest) error {
	if err := s.decide(c, "role_assignment:grant:"+req.Role, accessTarget(c), access.Subtree); err != nil {
		return err
	}
	if err := s.checkNotSelf(c, req.UserID, "nobody may grant a role to themselves"); err != nil {
		return err
	}
	v := caller(c)
	if v.Platform && !v.InScope(u.Path) && !units.IsTenantRoot(u) {
		return apperr.New(apperr.KindUnprocessable, "role_assignment.platform_scope",
			"the platform operator appoints tenant admins at a subdistrict only")
	}
	return s.requireAdmissibleUser(c, u.TenantID, req.UserID)
}

// syncPolicy applies the just-committed role change to this instance, so
// the next request already sees it. Other instances follow through
// NOTIFY and polling.
func (s *server) syncPolicy(c *gin.Context) {
	if _, err := s.Policy.Sync(c.Request.Context()); err != nil {
		s.Logger.ErrorContext(c.Request.Context(), "policy sync after change failed", "err", err)
	}
}

func userIDPtr(v *viewer.Viewer) *int {
	if v.UserID == 0 {
		return nil
	}
	id := v.UserID
	return &id
}

// listRoleAssignments godoc
//
//	@ID		listRoleAssignments
//	@Summary	List live role assignments held at a unit
//	@Tags		roles
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[roleAssignmentResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/role-assignments [get]
func (s *server) listRoleAssignments(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.RoleAssignment, error) {
		return grants.AtUnit(c.Request.Context(), s.Store.Client, u.ID, p.After, p.Limit+1)
	}, func(r *ent.RoleAssignment) int { return r.ID }, newRoleAssignmentResponse)
}

// deleteRoleAssignment godoc
//
//	@ID		deleteRoleAssignment
//	@Summary	Revoke a role assignment
//	@Description	Allowed to whoever could grant that role at that unit. Takes effect on the next request on every instance (within a second). Audited.
//	@Tags		roles
//	@Security	BearerAuth
//	@Param		id	path	int	true	"role assignment id"
//	@Success	204
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/role-assignments/{id} [delete]
func (s *server) deleteRoleAssignment(c *gin.Context) error {
	ra := targetOf[*ent.RoleAssignment](c)
	ctx, v := c.Request.Context(), caller(c)
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		return s.Policy.WriteRevoke(ctx, tx, ra, userIDPtr(v), v.Subject, requestID(c))
	})
	if err != nil {
		return err
	}
	s.syncPolicy(c)
	c.Status(http.StatusNoContent)
	return nil
}
