package authz

import (
	"context"
	"log/slog"
	"testing"

	"yishi/ent"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// policyTestLogger shows warnings and errors in the test log only.
func policyTestLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// openTestPolicy builds and loads a policy over st.
func openTestPolicy(t testing.TB, st *store.Store, opts ...PolicyOption) *Policy {
	t.Helper()
	p, err := NewPolicy(st.Client, st.DB, st.Dialect, policyTestLogger(t), opts...)
	if err != nil {
		t.Fatalf("new policy: %v", err)
	}
	if err := p.Load(context.Background()); err != nil {
		t.Fatalf("load policy: %v", err)
	}
	return p
}

// writeGrant does what the grant handler does: bump the version and write
// the row in one transaction, then Sync.
func writeGrant(ctx context.Context, p *Policy, client *ent.Client, subject, role, domain string) (int, error) {
	ctx = viewer.SystemContext(ctx)
	tx, err := client.Tx(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	v, err := p.BumpVersion(ctx, tx)
	if err != nil {
		return 0, err
	}
	ra, err := tx.RoleAssignment.Create().SetSubject(subject).SetRole(role).
		SetDomain(domain).SetGrantedVersion(v).Save(ctx)
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	_, err = p.Sync(ctx)
	return ra.ID, err
}

// writeRevoke stamps assignment id revoked the same way.
func writeRevoke(ctx context.Context, p *Policy, client *ent.Client, id int) error {
	ctx = viewer.SystemContext(ctx)
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	v, err := p.BumpVersion(ctx, tx)
	if err != nil {
		return err
	}
	if err := tx.RoleAssignment.UpdateOneID(id).SetRevokedAt(p.now()).
		SetRevokedVersion(v).Exec(ctx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = p.Sync(ctx)
	return err
}

// grantRole is writeGrant for tests that only expect success.
func grantRole(t testing.TB, p *Policy, st *store.Store, subject, role, domain string) int {
	t.Helper()
	id, err := writeGrant(context.Background(), p, st.Client, subject, role, domain)
	if err != nil {
		t.Fatalf("grant %s %s@%s: %v", subject, role, domain, err)
	}
	return id
}

// revokeRole is writeRevoke for tests that only expect success.
func revokeRole(t testing.TB, p *Policy, st *store.Store, id int) {
	t.Helper()
	if err := writeRevoke(context.Background(), p, st.Client, id); err != nil {
		t.Fatalf("revoke %d: %v", id, err)
	}
}
