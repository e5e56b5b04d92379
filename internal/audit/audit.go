// Package audit appends security-relevant events to the audit log inside
// the transaction that makes the change, so the log cannot miss one.
package audit

import (
	"context"
	"fmt"

	"yishi/ent"
)

// Entry is one audit event. TenantID is nil for platform-level events.
type Entry struct {
	TenantID   *int
	UnitPath   string
	Actor      string
	Action     string
	TargetType string
	TargetID   int
	RequestID  string
	Detail     map[string]any
}

// Record writes e through tx.
func Record(ctx context.Context, tx *ent.Tx, e Entry) error {
	err := tx.AuditLog.Create().
		SetNillableTenantID(e.TenantID).
		SetUnitPath(e.UnitPath).
		SetActor(e.Actor).
		SetAction(e.Action).
		SetTargetType(e.TargetType).
		SetTargetID(e.TargetID).
		SetRequestID(e.RequestID).
		SetDetail(e.Detail).
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}
