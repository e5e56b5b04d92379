package store_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"yishi/internal/store"
	"yishi/internal/testdb"
)

// TestMigrationsMatchSchema fails when the ent schema changed without a
// matching migration: after applying every migration, ent must find
// nothing left to create or alter. Fix it with scripts/migrate-diff.
func TestMigrationsMatchSchema(t *testing.T) {
	st := testdb.Open(t)
	var buf bytes.Buffer
	if err := st.Client.Schema.WriteTo(context.Background(), &buf); err != nil {
		t.Fatalf("schema diff: %v", err)
	}
	var pending []string
	for _, line := range strings.Split(buf.String(), "\n") {
		l := strings.TrimSpace(line)
		if l == "" || l == "BEGIN;" || l == "COMMIT;" || strings.HasPrefix(l, "--") {
			continue
		}
		pending = append(pending, l)
	}
	if len(pending) > 0 {
		t.Fatalf("the ent schema has changes with no migration; run scripts/migrate-diff NAME:\n%s",
			strings.Join(pending, "\n"))
	}
}

// TestMigrateTwiceChangesNothing: a second run applies nothing.
func TestMigrateTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, testdb.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	first, err := st.Migrate(ctx)
	if err != nil || len(first) == 0 {
		t.Fatalf("first migrate: applied %v, err %v", first, err)
	}
	second, err := st.Migrate(ctx)
	if err != nil || len(second) != 0 {
		t.Fatalf("second migrate: applied %v, err %v", second, err)
	}
}
