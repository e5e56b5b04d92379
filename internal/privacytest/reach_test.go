package privacytest

import (
	"context"
	"slices"
	"testing"

	"yishi/ent"
	"yishi/ent/unit"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// A community-wide read (units.GetInCommunity) reaches the tenant root and
// the whole community of the caller's scope, and nothing else: not a
// sibling community, not another tenant, and an unmarked read keeps to
// the subtree.
func TestCommunityReachAdmitsOnlyTheCallersCommunities(t *testing.T) {
	tr := newTree(t)
	grid := as(tr.a1g1.Path)
	reach := viewer.WithCommunityReach(grid)
	got, err := tr.st.Client.Unit.Query().Order(ent.Asc(unit.FieldID)).IDs(reach)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{tr.a.ID, tr.a1.ID, tr.a1g1.ID}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("grid scope with community reach sees %v, want %v", got, want)
	}
	for _, u := range []*ent.Unit{tr.a, tr.a1} {
		if _, err := units.GetInCommunity(grid, tr.st.Client, u.ID); err != nil {
			t.Fatalf("community read of %s: %v", u.Path, err)
		}
		if _, err := units.Get(grid, tr.st.Client, u.ID); !ent.IsNotFound(err) {
			t.Fatalf("plain read of %s reached beyond the subtree: %v", u.Path, err)
		}
	}
	for _, u := range []*ent.Unit{tr.a2, tr.b, tr.b1} {
		if _, err := units.GetInCommunity(grid, tr.st.Client, u.ID); !ent.IsNotFound(err) {
			t.Fatalf("community read of %s: %v", u.Path, err)
		}
	}
	if _, err := units.GetInCommunity(viewer.WithCommunityReach(context.Background()), tr.st.Client, tr.a.ID); err == nil {
		t.Fatal("the reach mark without a viewer must fail closed")
	}
}
