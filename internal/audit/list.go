package audit

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/auditlog"
)

// Under returns up to limit entries recorded in the subtree at path whose
// id is above after, oldest first: one page of a unit's audit log, which
// covers everything below it.
func Under(ctx context.Context, client *ent.Client, path string, after, limit int) ([]*ent.AuditLog, error) {
	rows, err := client.AuditLog.Query().Where(auditlog.UnitPathHasPrefix(path), auditlog.IDGT(after)).
		Order(ent.Asc(auditlog.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list audit log under %s: %w", path, err)
	}
	return rows, nil
}
