package handlers

import (
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
)

// auditEntryResponse is one audit log entry.
type auditEntryResponse struct {
	ID         int            `json:"id"`
	Actor      string         `json:"actor" example:"u:2"`
	Action     string         `json:"action" example:"role.grant"`
	TargetType string         `json:"target_type" example:"role_assignment"`
	TargetID   int            `json:"target_id"`
	UnitPath   string         `json:"unit_path" example:"s1/c12/"`
	RequestID  string         `json:"request_id"`
	Detail     map[string]any `json:"detail,omitempty"`
	CreatedAt  time.Time      `json:"created_at"`
}

// listAuditLog godoc
//
//	@ID		listAuditLog
//	@Summary	The audit log of a unit's subtree
//	@Description	Grants, revokes, members, units and partner apps, oldest first.
//	@Tags		audit
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[auditEntryResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/audit-log [get]
func (s *server) listAuditLog(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.AuditLog, error) {
		return audit.Under(c.Request.Context(), s.Store.Client, u.Path, p.After, p.Limit+1)
	}, func(a *ent.AuditLog) int { return a.ID }, newAuditEntryResponse)
}

func newAuditEntryResponse(a *ent.AuditLog) auditEntryResponse {
	return auditEntryResponse{ID: a.ID, Actor: a.Actor, Action: a.Action, TargetType: a.TargetType,
		TargetID: a.TargetID, UnitPath: a.UnitPath, RequestID: a.RequestID, Detail: a.Detail, CreatedAt: a.CreatedAt.UTC()}
}
