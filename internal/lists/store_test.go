package lists_test

import (
	"context"
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/internal/apperr"
	"yishi/internal/lists"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// seededTenant creates a tenant with its default lists on a fresh database.
func seededTenant(t *testing.T) (*store.Store, *ent.Unit) {
	t.Helper()
	st := testdb.Open(t)
	sys := viewer.SystemContext(context.Background())
	var tenant *ent.Unit
	err := store.WithTx(sys, st.Client, func(tx *ent.Tx) error {
		var err error
		if tenant, err = units.CreateTenant(sys, tx, units.Input{Name: "胜利街道", Code: "shengli"}); err != nil {
			return err
		}
		return lists.SeedDefaults(sys, tx, tenant)
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, tenant
}

// asAdmin is a viewer holding a role at the tenant root.
func asAdmin(tenant *ent.Unit) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:1", UserID: 1, Scopes: []string{tenant.Path}})
}

func TestSeedDefaultsAndActiveForTenant(t *testing.T) {
	st, tenant := seededTenant(t)
	items, err := lists.ActiveForTenant(asAdmin(tenant), st.Client, tenant.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 19 || items[0].Code != "E01" || items[6].Code != "N01" || items[18].Position != 13 {
		t.Fatalf("got %d items, first %s", len(items), items[0].Code)
	}
	if it := items[0]; it.UnitID != tenant.ID || it.UnitPath != tenant.Path || it.TenantID != tenant.ID {
		t.Fatalf("E01 owned by unit %d %q tenant %d", it.UnitID, it.UnitPath, it.TenantID)
	}
	// Privacy admits the whole tenant (issue 9): a community-level viewer
	// reads the subdistrict's guidebook, a viewer of another tenant none.
	community := viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:2", UserID: 2, Scopes: []string{tenant.Path + "c999/"}})
	if items, err := lists.ActiveForTenant(community, st.Client, tenant.ID); err != nil || len(items) != 19 {
		t.Fatalf("community viewer read %d items, err %v", len(items), err)
	}
	other := viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:3", UserID: 3, Scopes: []string{"s999999/"}})
	if items, err := lists.ActiveForTenant(other, st.Client, tenant.ID); err != nil || len(items) != 0 {
		t.Fatalf("another tenant's viewer read %d items, err %v", len(items), err)
	}
	if _, err := lists.Get(other, st.Client, items[0].ID); !ent.IsNotFound(err) {
		t.Fatalf("another tenant's viewer got item %d: %v", items[0].ID, err)
	}
}

func TestCreateConflictAndStaleUpdate(t *testing.T) {
	st, tenant := seededTenant(t)
	ctx := asAdmin(tenant)
	inTx := func(fn func(tx *ent.Tx) error) error { return store.WithTx(ctx, st.Client, fn) }
	var created *ent.ListItem
	err := inTx(func(tx *ent.Tx) (err error) {
		created, err = lists.Create(ctx, tx, tenant, lists.Input{Kind: listitem.KindNegative, Code: "N14",
			Title: "测试", Keywords: []string{"测试词"}}, time.Now())
		return err
	})
	if err != nil || created.Position != 14 {
		t.Fatalf("create: %v, position %d", err, created.Position)
	}
	err = inTx(func(tx *ent.Tx) error {
		_, err := lists.Create(ctx, tx, tenant, lists.Input{Kind: listitem.KindNegative, Code: "N02", Title: "重复"}, time.Now())
		return err
	})
	if e, ok := apperr.As(err); !ok || e.Code != "list_item.code_taken" {
		t.Fatalf("duplicate code: %v", err)
	}
	stale := *created
	title := "改过"
	var updated *ent.ListItem
	if err := inTx(func(tx *ent.Tx) (err error) {
		updated, err = lists.Update(ctx, tx, created, lists.Patch{Title: &title}, time.Now())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	reread := st.Client.ListItem.GetX(ctx, created.ID)
	if !reread.UpdatedAt.Equal(updated.UpdatedAt) || reread.Title != title {
		t.Fatalf("reread %v %q, update returned %v", reread.UpdatedAt, reread.Title, updated.UpdatedAt)
	}
	err = inTx(func(tx *ent.Tx) error {
		_, err := lists.Update(ctx, tx, &stale, lists.Patch{Title: &title}, time.Now())
		return err
	})
	if e, ok := apperr.As(err); !ok || e.Kind != apperr.KindPreconditionFailed {
		t.Fatalf("update from a stale copy: %v", err)
	}
	// A seeded row, written with the database's default timestamp, updates
	// from a fresh read: the compare-and-swap matches what was stored.
	seeded := st.Client.ListItem.Query().Where(listitem.Code("N02")).OnlyX(ctx)
	retired := listitem.StatusRetired
	if err := inTx(func(tx *ent.Tx) error {
		_, err := lists.Update(ctx, tx, seeded, lists.Patch{Status: &retired}, time.Now())
		return err
	}); err != nil {
		t.Fatalf("retire a seeded item: %v", err)
	}
}
