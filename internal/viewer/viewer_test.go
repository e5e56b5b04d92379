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
