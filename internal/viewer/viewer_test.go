package viewer

import (
	"context"
	"testing"
)

func TestInScopeCoversSubtreeOnly(t *testing.T) {
	v := &Viewer{Scopes: []string{"s1/c4/"}}
	cases := map[string]bool{
		"s1/c4/":    true,
		"s1/c4/g9/": true,
		"s1/":       false,
		"s1/c5/":    false,
		"s1/c44/":   false,
		"s2/c4/":    false,
		"":          false,
	}
	for path, want := range cases {
		if got := v.InScope(path); got != want {
			t.Errorf("InScope(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestFromContextWithoutViewerIsNil(t *testing.T) {
	if FromContext(context.Background()) != nil {
		t.Fatal("expected nil viewer")
	}
	if !FromContext(SystemContext(context.Background())).IsSystem() {
		t.Fatal("SystemContext must yield a system viewer")
	}
	var nilViewer *Viewer
	if nilViewer.IsSystem() || nilViewer.InScope("s1/") {
		t.Fatal("nil viewer must deny")
	}
}

func TestCommunityReachMatchesTheScopesCommunities(t *testing.T) {
	v := &Viewer{Scopes: []string{"s1/c4/g9/", "s2/"}}
	roots, communities := v.CommunityReach()
	if len(roots) != 2 || roots[0] != "s1/" || roots[1] != "s2/" {
		t.Fatalf("roots = %v", roots)
	}
	if len(communities) != 2 || communities[0] != "s1/c4/" || communities[1] != "s2/" {
		t.Fatalf("communities = %v", communities)
	}
	if HasCommunityReach(context.Background()) || !HasCommunityReach(WithCommunityReach(context.Background())) {
		t.Fatal("the reach mark must be opt-in")
	}
	if TenantOf("") != "" || TenantOf("s3/c1/") != "s3/" {
		t.Fatal("TenantOf cuts to the first segment")
	}
}
