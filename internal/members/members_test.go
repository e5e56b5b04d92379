package members_test

import (
	"context"
	"errors"
	"testing"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/members"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// fixture is a tenant root and a registered user, read as the system.
func fixture(t *testing.T) (context.Context, *store.Store, *ent.Unit, int) {
	t.Helper()
	st := testdb.Open(t)
	ctx := viewer.SystemContext(context.Background())
	var u *ent.Unit
	var userID int
	err := store.WithTx(ctx, st.Client, func(tx *ent.Tx) error {
		var err error
		if u, err = units.CreateTenant(ctx, tx, units.Input{Name: "胜利街道", Code: "shengli"}); err != nil {
			return err
		}
		usr, err := tx.User.Create().SetPhone("13900000001").SetName("李阿姨").SetPasswordHash("x").Save(ctx)
		if err == nil {
			userID = usr.ID
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ctx, st, u, userID
}

// writer counts grant writes and records each as a live assignment, as
// the policy would.
func writer(calls *int, u *ent.Unit, subject string, fail error) members.RoleGrant {
	return members.RoleGrant{Subject: subject, Role: "resident", Write: func(ctx context.Context, tx *ent.Tx) error {
		*calls++
		if fail != nil {
			return fail
		}
		return tx.RoleAssignment.Create().SetSubject(subject).SetRole("resident").SetDomain(u.Path).
			SetTenantID(u.TenantID).SetUnitID(u.ID).SetGrantedVersion(1).Exec(ctx)
	}}
}

// TestAddGrantsTheRoleOnceAndRefusesADuplicate: a new member gets the
// role written once; adding them again is 409 member.exists and writes
// nothing more.
func TestAddGrantsTheRoleOnceAndRefusesADuplicate(t *testing.T) {
	ctx, st, u, uid := fixture(t)
	calls := 0
	in := members.NewMember{UserID: uid, Identities: []string{"resident"}, Actor: "u:9", Grant: writer(&calls, u, "u:1", nil)}
	m, err := members.Add(ctx, st.Client, u, in)
	if err != nil || calls != 1 || m.Edges.User == nil || m.Edges.User.Name != "李阿姨" {
		t.Fatalf("first add = %v, %v; %d grant writes", m, err, calls)
	}
	_, err = members.Add(ctx, st.Client, u, in)
	if e, ok := apperr.As(err); !ok || e.Code != "member.exists" || calls != 1 {
		t.Fatalf("second add = %v after %d grant writes, want member.exists after 1", err, calls)
	}
	rows, err := members.InSubtree(ctx, st.Client, u.Path, members.Filter{}, 0, 10)
	if err != nil || len(rows) != 1 {
		t.Fatalf("members at unit = %v, %v", rows, err)
	}
}

// TestAddSkipsAHeldRoleAndRollsBackOnAFailedGrant: a user who already
// holds the role there is not granted it again, and a grant that fails
// leaves no membership behind.
func TestAddSkipsAHeldRoleAndRollsBackOnAFailedGrant(t *testing.T) {
	ctx, st, u, uid := fixture(t)
	boom := errors.New("policy down")
	calls := 0
	_, err := members.Add(ctx, st.Client, u, members.NewMember{UserID: uid, Identities: []string{"resident"}, Actor: "u:9",
		Grant: writer(&calls, u, "u:1", boom)})
	if !errors.Is(err, boom) {
		t.Fatalf("add with a failing grant = %v", err)
	}
	if rows, _ := members.OfUser(ctx, st.Client, uid); len(rows) != 0 {
		t.Fatalf("a failed grant left %d memberships", len(rows))
	}
	pre := 0
	if err := store.WithTx(ctx, st.Client, func(tx *ent.Tx) error {
		return writer(&pre, u, "u:1", nil).Write(ctx, tx)
	}); err != nil {
		t.Fatal(err)
	}
	calls = 0
	if _, err := members.Add(ctx, st.Client, u, members.NewMember{UserID: uid, Identities: []string{"resident"}, Actor: "u:9",
		Grant: writer(&calls, u, "u:1", nil)}); err != nil || calls != 0 {
		t.Fatalf("add while holding the role = %v with %d grant writes, want none", err, calls)
	}
}
