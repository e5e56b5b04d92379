package authz

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"entgo.io/ent/dialect"

	"yishi/ent"
)

// notifyChannel is the PostgreSQL channel that announces a new version.
const notifyChannel = "yishi_policy"

// errNoPolicyState means the PolicyState row does not exist yet.
var errNoPolicyState = errors.New("policy state row missing")

// BumpVersion allocates the next policy version inside tx. Grant and revoke
// call it before writing their RoleAssignment row and store the result as
// granted_version or revoked_version. The UPDATE holds the PolicyState row
// lock until tx ends, so concurrent changes are serialised and versions
// commit in order, which is what lets Sync apply them incrementally. On
// PostgreSQL the new version is also NOTIFYed; the notification is
// delivered only if tx commits. Call Sync after committing.
func (p *Policy) BumpVersion(ctx context.Context, tx *ent.Tx) (int64, error) {
	v, err := incrementPolicyState(ctx, tx)
	if errors.Is(err, errNoPolicyState) {
		// First change ever. Racing creators collide on the primary key
		// and DO NOTHING; the UPDATE then waits on the winner's lock.
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO policy_states (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING"); err != nil {
			return 0, fmt.Errorf("bump policy version: create state: %w", err)
		}
		v, err = incrementPolicyState(ctx, tx)
	}
	if err != nil {
		return 0, fmt.Errorf("bump policy version: %w", err)
	}
	if p.dialect == dialect.Postgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_notify($1, $2)",
			notifyChannel, strconv.FormatInt(v, 10)); err != nil {
			return 0, fmt.Errorf("bump policy version: notify: %w", err)
		}
	}
	return v, nil
}

// incrementPolicyState increments and reads back in one statement. ent's
// UpdateOne is an UPDATE followed by a SELECT: when the UPDATE finds no row
// and a racing creator commits in between, the SELECT returns the other
// transaction's version, so two grants would share one version.
// PolicyState is system-only, and this raw statement is its only writer.
func incrementPolicyState(ctx context.Context, tx *ent.Tx) (int64, error) {
	rows, err := tx.QueryContext(ctx,
		"UPDATE policy_states SET version = version + 1 WHERE id = 1 RETURNING version")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, err
		}
		return 0, errNoPolicyState
	}
	var v int64
	if err := rows.Scan(&v); err != nil {
		return 0, err
	}
	return v, rows.Close()
}
