// Package privacytest checks ent's privacy rules on their own, without
// Casbin or HTTP: the second of the two isolation layers must hold even if
// a handler forgets the first.
package privacytest

import (
	"context"
	"errors"
	"testing"

	"yishi/ent"
	"yishi/ent/privacy"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

type tree struct {
	st                     *store.Store
	a, a1, a1g1, a2, b, b1 *ent.Unit
}

func newTree(t *testing.T) tree {
	t.Helper()
	st := testdb.Open(t)
	sys := viewer.SystemContext(context.Background())
	tr := tree{st: st}
	err := store.WithTx(sys, st.Client, func(tx *ent.Tx) error {
		mk := func(parent *ent.Unit, code string) *ent.Unit {
			var u *ent.Unit
			var err error
			if parent == nil {
				u, err = units.CreateTenant(sys, tx, units.Input{Name: code, Code: code})
			} else {
				u, err = units.CreateChild(sys, tx, parent, units.Input{Name: code, Code: code})
			}
			if err != nil {
				t.Fatal(err)
			}
			return u
		}
		tr.a = mk(nil, "a")
		tr.a1, tr.a2 = mk(tr.a, "a1"), mk(tr.a, "a2")
		tr.a1g1 = mk(tr.a1, "a1g1")
		tr.b = mk(nil, "b")
		tr.b1 = mk(tr.b, "b1")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func as(scopes ...string) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:99", UserID: 99, Scopes: scopes})
}

func TestQueriesWithoutViewerAreDenied(t *testing.T) {
	tr := newTree(t)
	if _, err := tr.st.Client.Unit.Query().All(context.Background()); err == nil {
		t.Fatal("a query with no viewer must fail closed")
	}
	if _, err := tr.st.Client.Membership.Query().All(context.Background()); err == nil {
		t.Fatal("a query with no viewer must fail closed")
	}
}

func TestUnitQueriesSeeOnlyTheSubtree(t *testing.T) {
	tr := newTree(t)
	got, err := tr.st.Client.Unit.Query().IDs(as(tr.a1.Path))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 { // a1 and a1g1; not a, a2, b, b1
		t.Fatalf("community scope sees %v", got)
	}
	if _, err := tr.st.Client.Unit.Get(as(tr.b.Path), tr.a1.ID); !ent.IsNotFound(err) {
		t.Fatalf("another tenant reads a1: %v", err)
	}
	if _, err := tr.st.Client.Unit.Query().All(as()); err == nil {
		t.Fatal("a viewer with no scopes must be denied")
	}
}

func TestMutationsOutsideScopeAreDenied(t *testing.T) {
	tr := newTree(t)
	ctx := as(tr.b.Path)
	_, err := tr.st.Client.Membership.Create().SetTenantID(tr.a.ID).SetUnitID(tr.a1.ID).
		SetUnitPath(tr.a1.Path).SetUserID(1).SetIdentities([]string{"resident"}).Save(ctx)
	if err == nil || !isDenied(err) {
		t.Fatalf("create in another tenant: %v", err)
	}
	n, err := tr.st.Client.Unit.Update().SetName("hijacked").Save(ctx)
	if err != nil || n != 2 { // only b and b1 are reachable
		t.Fatalf("update reached %d units (err %v), want 2", n, err)
	}
	sys := viewer.SystemContext(context.Background())
	if tr.st.Client.Unit.GetX(sys, tr.a.ID).Name == "hijacked" {
		t.Fatal("another tenant's unit was renamed")
	}
}

func TestPlatformViewerReadsUnitsButNoMembers(t *testing.T) {
	tr := newTree(t)
	ctx := viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:9999", UserID: 9999, Platform: true})
	if n := tr.st.Client.Unit.Query().CountX(ctx); n != 6 {
		t.Fatalf("platform sees %d units", n)
	}
	sys := viewer.SystemContext(context.Background())
	resident := tr.st.Client.User.Create().SetPhone("13700000001").SetName("r").SetPasswordHash("x").SaveX(sys)
	tr.st.Client.Membership.Create().SetTenantID(tr.a.ID).SetUnitID(tr.a1.ID).SetUnitPath(tr.a1.Path).
		SetUserID(resident.ID).SetIdentities([]string{"resident"}).SaveX(sys)
	if n, err := tr.st.Client.Membership.Query().Count(ctx); err != nil || n != 0 {
		t.Fatalf("platform admin reads %d memberships (err %v)", n, err)
	}
	// The member themself sees their own row without any scope.
	self := viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:r", UserID: resident.ID})
	if n := tr.st.Client.Membership.Query().CountX(self); n != 1 {
		t.Fatalf("a member sees %d of their own memberships", n)
	}
}

func isDenied(err error) bool { return errors.Is(err, privacy.Deny) }
