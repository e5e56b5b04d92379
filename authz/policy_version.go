package authz

import (
	"context"
	"fmt"
	"strconv"

	"entgo.io/ent/dialect"

	"yishi/ent"
	"yishi/internal/viewer"
)

// policyStateID is the id of the single PolicyState row.
const policyStateID = 1

// notifyChannel is the PostgreSQL channel that announces a new version.
const notifyChannel = "yishi_policy"

// BumpVersion allocates the next policy version inside tx. Grant and revoke
// call it before writing their RoleAssignment row and store the result as
// granted_version or revoked_version. The UPDATE holds the PolicyState row
// lock until tx ends, so concurrent changes are serialised and versions
// commit in order, which is what lets Sync apply them incrementally. On
// PostgreSQL the new version is also NOTIFYed; the notification is
// delivered only if tx commits. Call Sync after committing.
func (p *Policy) BumpVersion(ctx context.Context, tx *ent.Tx) (int64, error) {
	ctx = viewer.SystemContext(ctx)
	st, err := tx.PolicyState.UpdateOneID(policyStateID).AddVersion(1).Save(ctx)
	if ent.IsNotFound(err) {
		// First change ever. Racing creators collide on the primary key
		// and DO NOTHING; the UPDATE then waits on the winner's lock.
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO policy_states (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING"); err != nil {
			return 0, fmt.Errorf("bump policy version: create state: %w", err)
		}
		st, err = tx.PolicyState.UpdateOneID(policyStateID).AddVersion(1).Save(ctx)
	}
	if err != nil {
		return 0, fmt.Errorf("bump policy version: %w", err)
	}
	if p.dialect == dialect.Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_notify($1, $2)",
			notifyChannel, strconv.FormatInt(st.Version, 10)); err != nil {
			return 0, fmt.Errorf("bump policy version: notify: %w", err)
		}
	}
	return st.Version, nil
}
