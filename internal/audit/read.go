package audit

import (
	"context"
	"fmt"

	"yishi/ent"
)

// ActionPersonalRead is the audit action of staff reading other people's
// personal data (full phones, addresses): one entry per request, naming
// the route and how many records it revealed, never the data itself.
const ActionPersonalRead = "personal_data.read"

// RecordRead appends e outside any transaction: a read changes nothing
// to be atomic with. The caller's own context creates the row (the audit
// log admits any authenticated append), so the entry lands in the
// caller's tenant and subtree where its admins read it.
func RecordRead(ctx context.Context, client *ent.Client, e Entry) error {
	err := client.AuditLog.Create().
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
