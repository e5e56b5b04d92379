package clients_test

import (
	"context"
	"errors"
	"testing"

	"yishi/ent"
	"yishi/internal/clients"
	"yishi/internal/grants"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// TestRegisterAuthenticateRevoke: a registered app authenticates with its
// secret only; revoking it revokes its grants in the same transaction and
// it no longer authenticates; a grant that fails registers nothing.
func TestRegisterAuthenticateRevoke(t *testing.T) {
	st := testdb.Open(t)
	ctx := viewer.SystemContext(context.Background())
	var u *ent.Unit
	if err := store.WithTx(ctx, st.Client, func(tx *ent.Tx) (err error) {
		u, err = units.CreateTenant(ctx, tx, units.Input{Name: "胜利街道", Code: "shengli"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	creds, err := clients.NewCredentials()
	if err != nil {
		t.Fatal(err)
	}
	in := clients.NewClient{Name: "市民热线", Role: "guide", Scopes: []string{"proposal:read"}, Creds: creds, Actor: "u:1"}
	grant := func(ctx context.Context, tx *ent.Tx, ac *ent.APIClient) error {
		return tx.RoleAssignment.Create().SetSubject("c:1").SetAPIClientID(ac.ID).SetRole("guide").
			SetDomain(u.Path).SetTenantID(u.TenantID).SetUnitID(u.ID).SetGrantedVersion(1).Exec(ctx)
	}
	ac, err := clients.Register(ctx, st.Client, u, in, grant)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := clients.Authenticate(ctx, st.Client, creds.ClientID, "wrong"); ok || err != nil {
		t.Fatalf("a wrong secret authenticates: %v, %v", ok, err)
	}
	if got, ok, err := clients.Authenticate(ctx, st.Client, creds.ClientID, creds.Secret); !ok || err != nil || got.ID != ac.ID {
		t.Fatalf("the right secret = %v, %v, %v", got, ok, err)
	}
	revoked := 0
	err = clients.Revoke(ctx, st.Client, ac, ac.CreatedAt, clients.Revocation{Subject: "c:1", Actor: "u:1",
		Revoke: func(ctx context.Context, tx *ent.Tx, ra *ent.RoleAssignment) error {
			revoked++
			return tx.RoleAssignment.UpdateOne(ra).SetRevokedAt(ac.CreatedAt).Exec(ctx)
		}})
	if err != nil || revoked != 1 {
		t.Fatalf("revoke = %v after %d grant revocations, want 1", err, revoked)
	}
	if live, err := grants.LiveOf(ctx, st.Client.RoleAssignment, "c:1"); err != nil || len(live) != 0 {
		t.Fatalf("live grants after revoke = %v, %v", live, err)
	}
	if _, ok, _ := clients.Authenticate(ctx, st.Client, creds.ClientID, creds.Secret); ok {
		t.Fatal("a revoked app authenticates")
	}

	boom := errors.New("policy down")
	other, _ := clients.NewCredentials()
	in.Creds = other
	if _, err := clients.Register(ctx, st.Client, u, in, func(context.Context, *ent.Tx, *ent.APIClient) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("register with a failing grant = %v", err)
	}
	if rows, err := clients.AtUnit(ctx, st.Client, u.ID, 0, 10); err != nil || len(rows) != 1 {
		t.Fatalf("apps at the unit = %d, %v; want only the first", len(rows), err)
	}
}
