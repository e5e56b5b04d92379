package backup

import (
	"context"
	"path/filepath"
	"testing"

	"yishi/internal/store"
)

// TestInUseWhileAStoreIsOpen holds the database open the way serve does
// (an idle pooled WAL connection) and expects InUse to see it, then not
// once it is closed.
func TestInUseWhileAStoreIsOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "yishi.db")
	if used, err := InUse(ctx, path); used || err != nil {
		t.Fatalf("missing file: in use %v, %v", used, err)
	}
	st, err := store.Open(ctx, "sqlite://"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if used, err := InUse(ctx, path); !used || err != nil {
		t.Fatalf("open store: in use %v, %v; want true", used, err)
	}
	st.Close()
	if used, err := InUse(ctx, path); used || err != nil {
		t.Fatalf("closed store: in use %v, %v; want false", used, err)
	}
}
