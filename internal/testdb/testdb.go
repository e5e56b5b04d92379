// Package testdb gives each test its own migrated database: SQLite in
// memory by default, or a fresh PostgreSQL database when
// YISHI_TEST_DATABASE_URL is set. One suite therefore runs on both.
package testdb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"yishi/internal/store"
)

var seq atomic.Int64

// EnvURL is the variable that switches the suites to PostgreSQL.
const EnvURL = "YISHI_TEST_DATABASE_URL"

// IsPostgres reports whether the suites run against PostgreSQL.
func IsPostgres() bool { return os.Getenv(EnvURL) != "" }

// URL returns a database URL private to t, creating (and later dropping)
// a PostgreSQL database when the suites run on PostgreSQL.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		return fmt.Sprintf("file:yishi_test_%d_%d?mode=memory", os.Getpid(), seq.Add(1))
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("testdb: parse %s: %v", EnvURL, err)
	}
	name := fmt.Sprintf("yishi_t_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, seq.Add(1))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("testdb: open admin: %v", err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("testdb: PostgreSQL at %s is required (CI sets it): %v", redact(u), err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u.Path = "/" + name
	return u.String()
}

// Open returns a migrated store private to t, closed when t ends.
func Open(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, URL(t))
	if err != nil {
		t.Fatalf("testdb: open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatalf("testdb: migrate: %v", err)
	}
	return st
}

func redact(u *url.URL) string {
	c := *u
	c.User = nil
	return strings.TrimPrefix(c.String(), "//")
}
