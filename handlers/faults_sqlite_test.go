package handlers_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"yishi/internal/store"
	"yishi/internal/testdb"
)

// openSQLiteFile opens and migrates a SQLite file database at path with
// extra URL query (pragmas), closed when t ends.
func openSQLiteFile(t *testing.T, path, query string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "sqlite://"+path+query)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// platformAdmin registers a person holding platform_admin on a.
func platformAdmin(a *api) person {
	p := a.newPerson("平台管理员")
	a.grantDirect(p, "platform_admin", 0)
	return p
}

// wantProblem fails unless r is a problem document with status and code.
func wantProblem(r response, status int, code string) map[string]any {
	r.t.Helper()
	r.want(status)
	if ct := r.Header().Get("Content-Type"); ct != "application/problem+json" {
		r.t.Fatalf("content type %q", ct)
	}
	p := r.obj()
	if p["code"] != code {
		r.t.Fatalf("code %v, want %s", p["code"], code)
	}
	return p
}

// integrityOK opens the file afresh and runs PRAGMA integrity_check.
func integrityOK(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q, %v", res, err)
	}
}

// TestSQLiteBusyAnswers503: while another process holds the write lock
// longer than the busy timeout, a write answers 503 database.busy with
// Retry-After (never 500), reads still answer (WAL), and once the lock
// goes writes succeed and the file is intact.
func TestSQLiteBusyAnswers503(t *testing.T) {
	if testdb.IsPostgres() {
		t.Skip("SQLite file locking")
	}
	path := filepath.Join(t.TempDir(), "busy.db")
	a := newAPIOn(t, openSQLiteFile(t, path, "?_pragma=busy_timeout(100)"), newTestKeys(t))
	admin := platformAdmin(a)
	unit := a.do("POST", "/v1/tenants", admin.Token, map[string]string{"name": "胜利街道", "code": "shengli"}).want(201).id()

	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if _, err := lock.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r := a.do("POST", "/v1/tenants", admin.Token, map[string]string{"name": "幸福街道", "code": "xingfu"})
	wantProblem(r, 503, "database.busy")
	t.Logf("write under a held lock: 503 database.busy in %v (busy timeout 100 ms)", time.Since(start).Round(time.Millisecond))
	if r.Header().Get("Retry-After") == "" {
		t.Fatal("503 without Retry-After")
	}
	a.do("GET", fmt.Sprintf("/v1/units/%d", unit), admin.Token, nil).want(200)
	if _, err := lock.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	a.do("POST", "/v1/tenants", admin.Token, map[string]string{"name": "幸福街道", "code": "xingfu"}).want(201)
	integrityOK(t, path)
}

// TestSQLiteFullAnswers507: with the database capped a few pages above
// its size (PRAGMA max_page_count stands in for a full disk), writes
// answer 201 until one answers 507 storage.full; none answers 500, reads
// keep working and the file passes integrity_check.
func TestSQLiteFullAnswers507(t *testing.T) {
	if testdb.IsPostgres() {
		t.Skip("SQLite page limit")
	}
	path := filepath.Join(t.TempDir(), "full.db")
	keys := newTestKeys(t)
	first := openSQLiteFile(t, path, "")
	admin := platformAdmin(newAPIOn(t, first, keys))
	var pages int
	if err := first.DB.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	capped := openSQLiteFile(t, path, fmt.Sprintf("?_pragma=max_page_count(%d)", pages+4))
	a := newAPIOn(t, capped, keys)
	full := false
	for i := 0; i < 500 && !full; i++ {
		r := a.do("POST", "/v1/tenants", admin.Token,
			map[string]string{"name": fmt.Sprintf("街道%04d", i), "code": fmt.Sprintf("street-%04d", i)})
		switch r.Code {
		case 201:
		case 507:
			wantProblem(r, 507, "storage.full")
			full = true
			t.Logf("%d writes answered 201 before the capped file (%d+4 pages) answered 507", i, pages)
		default:
			t.Fatalf("write %d: status %d: %s", i, r.Code, r.Body.String())
		}
	}
	if !full {
		t.Fatal("the capped database never filled")
	}
	a.do("GET", "/v1/me", admin.Token, nil).want(200)
	integrityOK(t, path)
}
