package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
)

// personalRead is one request in which staff saw other people's personal
// data (full phones, addresses): where, and how many records.
type personalRead struct {
	tenantID   int
	unitPath   string
	targetType string
	targetID   int
	rows       int
}

// auditPersonalRead writes one audit entry for the request (PIPL, issue
// 11): bounded, one entry however many rows the page held; nothing when
// no personal data was shown.
func (s *server) auditPersonalRead(c *gin.Context, r personalRead) error {
	if r.rows == 0 {
		return nil
	}
	tid := r.tenantID
	return audit.RecordRead(c.Request.Context(), s.Store.Client, audit.Entry{
		TenantID: &tid, UnitPath: r.unitPath, Actor: caller(c).Subject, Action: audit.ActionPersonalRead,
		TargetType: r.targetType, TargetID: r.targetID, RequestID: requestID(c),
		Detail: map[string]any{"route": c.Request.Method + " " + c.FullPath(), "records": r.rows}})
}

// auditPersonalReadAfter audits the personal data a unit's proposal list
// or export revealed once the answer is already written: a failed audit
// append can no longer change the answer, so it is logged.
func (s *server) auditPersonalReadAfter(c *gin.Context, u *ent.Unit, revealed int) {
	if err := s.auditPersonalRead(c, personalRead{tenantID: u.TenantID, unitPath: u.Path,
		targetType: "unit", targetID: u.ID, rows: revealed}); err != nil {
		s.Logger.ErrorContext(c.Request.Context(), "audit personal read", "err", err, "request_id", requestID(c))
	}
}
