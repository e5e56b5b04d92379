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
	_, err := Save(ctx, tx, e)
	return err
}

// Save writes e through tx and returns the entry, for a change that
// refers to it afterwards (a break-glass grant notifies the tenant's
// admins of its entry).
func Save(ctx context.Context, tx *ent.Tx, e Entry) (*ent.AuditLog, error) {
	row, err := tx.AuditLog.Create().
		SetNillableTenantID(e.TenantID).
		SetUnitPath(e.UnitPath).
		SetActor(e.Actor).
		SetAction(e.Action).
		SetTargetType(e.TargetType).
		SetTargetID(e.TargetID).
		SetRequestID(e.RequestID).
		SetDetail(e.Detail).
		Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return row, nil
}

// recordBatch keeps a bulk insert of entries under SQLite's bound-variable
// limit (nine columns an entry).
const recordBatch = 500

// RecordAll writes es through tx in bulk inserts of recordBatch, so a
// change that touches thousands of objects (a household import) records
// one entry per object at the cost of a few statements.
func RecordAll(ctx context.Context, tx *ent.Tx, es []Entry) error {
	for start := 0; start < len(es); start += recordBatch {
		chunk := es[start:min(start+recordBatch, len(es))]
		bulk := make([]*ent.AuditLogCreate, 0, len(chunk))
		for _, e := range chunk {
			bulk = append(bulk, tx.AuditLog.Create().SetNillableTenantID(e.TenantID).SetUnitPath(e.UnitPath).
				SetActor(e.Actor).SetAction(e.Action).SetTargetType(e.TargetType).SetTargetID(e.TargetID).
				SetRequestID(e.RequestID).SetDetail(e.Detail))
		}
		if err := tx.AuditLog.CreateBulk(bulk...).Exec(ctx); err != nil {
			return fmt.Errorf("audit %d entries: %w", len(chunk), err)
		}
	}
	return nil
}
