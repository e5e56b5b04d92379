package authz

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/roleassignment"
	"yishi/internal/viewer"
)

// Sync applies every role change committed since the local version: rows
// granted or revoked after it. Grant and revoke call it right after their
// commit, so a revoke binds the very next request on this instance; Watch
// calls it for changes made elsewhere. It reports whether anything was
// applied. Syncs are serialised, and re-applying a row is harmless.
func (p *Policy) Sync(ctx context.Context) (changed bool, err error) {
	p.syncMu.Lock()
	defer p.syncMu.Unlock()
	local := p.version.Load()
	v, err := p.readVersion(ctx)
	if err != nil || v <= local {
		return false, err
	}
	rows, err := p.client.RoleAssignment.Query().
		Where(roleassignment.Or(
			roleassignment.GrantedVersionGT(local),
			roleassignment.RevokedVersionGT(local))).
		Order(ent.Asc(roleassignment.FieldID)).
		Select(roleassignment.FieldID, roleassignment.FieldSubject, roleassignment.FieldRole,
			roleassignment.FieldDomain, roleassignment.FieldRevokedAt).
		All(viewer.SystemContext(ctx))
	if err != nil {
		return false, fmt.Errorf("sync policy from version %d: %w", local, err)
	}
	if err := p.apply(rows); err != nil {
		// The index and the enforcer may now disagree: rebuild both.
		p.logger.Error("authz: incremental sync failed; reloading", "err", err)
		if err := p.loadLocked(ctx); err != nil {
			return false, err
		}
		return true, nil
	}
	if err := p.loadSuspended(ctx); err != nil {
		return false, err
	}
	p.version.Store(v)
	p.advanceEpoch()
	return true, nil
}
