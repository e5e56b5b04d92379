package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/audit"
	"yishi/internal/store"
	"yishi/internal/units"
)

// listTenants godoc
//
//	@Summary	List tenants (subdistricts)
//	@Description	Platform administrators only: every tenant root, oldest first, with its status (active or suspended). status filters.
//	@ID			listTenants
//	@Tags		units
//	@Produce	json
//	@Security	BearerAuth
//	@Param		status	query		string	false	"active or suspended"	Enums(active, suspended)
//	@Param		limit	query		int		false	"page size, 1-200 (default 50)"
//	@Param		cursor	query		string	false	"next_cursor from the previous page"
//	@Success	200		{object}	pageOf[unitResponse]
//	@Failure	400		{object}	problem	"request.invalid: bad status, limit or cursor"
//	@Failure	401		{object}	problem	"auth.unauthorized"
//	@Failure	403		{object}	problem	"auth.forbidden: needs tenant:read at the platform"
//	@Router		/v1/tenants [get]
func (s *server) listTenants(c *gin.Context) error {
	status := c.Query("status")
	if status != "" && !units.ValidTenantStatus(status) {
		return apperr.Invalid(apperr.FieldError{Field: "status", Message: "must be active or suspended"})
	}
	return respondPage(c, func(p page) ([]*ent.Unit, error) {
		return units.Tenants(c.Request.Context(), s.Store.Client, status, p.After, p.Limit+1)
	}, func(u *ent.Unit) int { return u.ID }, newUnitResponse)
}

// suspendTenant godoc
//
//	@Summary	Suspend a tenant
//	@Description	Platform administrators only. Every user whose roles all lie in the tenant is then refused on every route with 403 tenant.suspended (a user with roles in another tenant keeps that one; the suspended tenant's rows are hidden from them); partner apps of the tenant too. Nothing is deleted. Every instance applies it with the next policy sync (as a revoked role). Audited (tenant.suspend).
//	@ID			suspendTenant
//	@Tags		units
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"tenant (subdistrict) id"
//	@Success	200	{object}	unitResponse
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden: needs tenant:suspend at the platform"
//	@Failure	404	{object}	problem	"tenant.not_found"
//	@Failure	409	{object}	problem	"tenant.status_unchanged: already suspended"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: a body that is not JSON"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/tenants/{id}/suspend [post]
func (s *server) suspendTenant(c *gin.Context) error { return s.setTenantSuspended(c, true) }

// unsuspendTenant godoc
//
//	@Summary	Lift a tenant's suspension
//	@Description	Platform administrators only. The tenant's users are served again at once. Audited (tenant.unsuspend).
//	@ID			unsuspendTenant
//	@Tags		units
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"tenant (subdistrict) id"
//	@Success	200	{object}	unitResponse
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden: needs tenant:suspend at the platform"
//	@Failure	404	{object}	problem	"tenant.not_found"
//	@Failure	409	{object}	problem	"tenant.status_unchanged: the tenant is active"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: a body that is not JSON"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/tenants/{id}/unsuspend [post]
func (s *server) unsuspendTenant(c *gin.Context) error { return s.setTenantSuspended(c, false) }

// setTenantSuspended writes the status, bumps the policy version (so
// every instance re-reads the suspended tenants) and audits, in one
// transaction, then syncs this instance.
func (s *server) setTenantSuspended(c *gin.Context, suspended bool) error {
	id := targetOf[int](c)
	ctx, v := c.Request.Context(), caller(c)
	cur, err := units.Tenant(ctx, s.Store.Client, id)
	if err != nil {
		return err
	}
	action := "tenant.unsuspend"
	if suspended {
		action = "tenant.suspend"
	}
	var u *ent.Unit
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		if u, err = units.SetSuspended(ctx, tx, cur, suspended); err != nil {
			return err
		}
		if _, err := s.Policy.BumpVersion(ctx, tx); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: v.Subject,
			Action: action, TargetType: "tenant", TargetID: u.ID, RequestID: requestID(c),
			Detail: map[string]any{"code": u.Code}})
	})
	if err != nil {
		return err
	}
	if _, err := s.Policy.Sync(ctx); err != nil {
		return err
	}
	return s.answerUnit(c, u)
}
