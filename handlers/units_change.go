package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
	"yishi/internal/store"
	"yishi/internal/units"
)

// updateUnit godoc
//
//	@Summary	Rename or recode a unit
//	@Description	Changes the display name and/or the code of a unit; absent fields keep their value. The path, level and parent never change, so nothing filed under the unit moves. Codes are unique among siblings (409 unit.code_taken). Send If-Match with the ETag of a read: a stale tag is 412 unit.stale. Audited (unit.update).
//	@ID			updateUnit
//	@Tags		units
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int					true	"unit id"
//	@Param		If-Match	header		string				false	"ETag from a previous read"
//	@Param		body		body		updateUnitRequest	true	"the fields to change"
//	@Success	200			{object}	unitResponse
//	@Header		200			{string}	ETag	"the new version"
//	@Failure	400			{object}	problem	"request.invalid: name or code malformed, or neither given"
//	@Failure	401			{object}	problem	"auth.unauthorized"
//	@Failure	403			{object}	problem	"auth.forbidden: needs unit:update; tenant.suspended"
//	@Failure	404			{object}	problem	"unit.not_found"
//	@Failure	409			{object}	problem	"unit.code_taken: a sibling holds the code"
//	@Failure	412			{object}	problem	"unit.stale: If-Match names an older version"
//	@Failure	415			{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429			{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/units/{id} [patch]
func (s *server) updateUnit(c *gin.Context) error {
	cur := targetOf[*ent.Unit](c)
	var req updateUnitRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if !ifMatchAllows(c.GetHeader("If-Match"), unitETag(cur)) {
		return errUnitStale()
	}
	ctx, v := c.Request.Context(), caller(c)
	var u *ent.Unit
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if u, err = units.Update(ctx, tx, cur, units.Patch{Name: req.Name, Code: req.Code}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: v.Subject,
			Action: "unit.update", TargetType: "unit", TargetID: u.ID, RequestID: requestID(c),
			Detail: map[string]any{"before": map[string]any{"name": cur.Name, "code": cur.Code},
				"after": map[string]any{"name": u.Name, "code": u.Code}}})
	})
	if err != nil {
		return err
	}
	return s.answerUnit(c, u)
}

// archiveUnit godoc
//
//	@Summary	Archive a unit
//	@Description	An archived unit (and every unit below it) takes no new proposals (409 unit.archived); everything filed there stays readable, and votes, meetings and tasks already under way go on. Restore with POST /v1/units/{id}/restore. Audited (unit.archive).
//	@ID			archiveUnit
//	@Tags		units
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"unit id"
//	@Success	200	{object}	unitResponse
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden: needs unit:archive; tenant.suspended"
//	@Failure	404	{object}	problem	"unit.not_found"
//	@Failure	409	{object}	problem	"unit.archived: already archived"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: a body that is not JSON"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/units/{id}/archive [post]
func (s *server) archiveUnit(c *gin.Context) error { return s.setUnitArchived(c, true) }

// restoreUnit godoc
//
//	@Summary	Restore an archived unit
//	@Description	The unit takes new proposals again (unless a unit above it is still archived). Audited (unit.restore).
//	@ID			restoreUnit
//	@Tags		units
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"unit id"
//	@Success	200	{object}	unitResponse
//	@Failure	401	{object}	problem	"auth.unauthorized"
//	@Failure	403	{object}	problem	"auth.forbidden: needs unit:archive; tenant.suspended"
//	@Failure	404	{object}	problem	"unit.not_found"
//	@Failure	409	{object}	problem	"unit.not_archived: the unit is active"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: a body that is not JSON"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/units/{id}/restore [post]
func (s *server) restoreUnit(c *gin.Context) error { return s.setUnitArchived(c, false) }

// setUnitArchived archives or restores the target unit and audits it.
func (s *server) setUnitArchived(c *gin.Context, archived bool) error {
	cur := targetOf[*ent.Unit](c)
	ctx, v := c.Request.Context(), caller(c)
	action := "unit.restore"
	if archived {
		action = "unit.archive"
	}
	var u *ent.Unit
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if u, err = units.SetArchived(ctx, tx, cur, archived, s.now()); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: v.Subject,
			Action: action, TargetType: "unit", TargetID: u.ID, RequestID: requestID(c),
			Detail: map[string]any{"code": u.Code}})
	})
	if err != nil {
		return err
	}
	return s.answerUnit(c, u)
}

// answerUnit writes u with its ETag.
func (s *server) answerUnit(c *gin.Context, u *ent.Unit) error {
	out := newUnitResponse(u)
	c.Header("ETag", out.ETag)
	c.JSON(http.StatusOK, out)
	return nil
}
