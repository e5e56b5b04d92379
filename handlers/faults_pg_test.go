package handlers_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"yishi/handlers"
	"yishi/internal/store"
	"yishi/internal/testdb"
)

// served is a running instance behind the wrappers yishi serve puts in
// front of the router: request timeout and the GET/HEAD replay.
type served struct {
	*api
	h http.Handler
}

func serveFaults(a *api) served {
	return served{api: a, h: handlers.WithRequestTimeout(handlers.RetryReads(a.router), 10*time.Second)}
}

// call sends a request through the wrappers and returns the status and
// decoded body.
func (s served) call(method, path, token string, body any) (int, map[string]any) {
	var rd *bytes.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	} else {
		rd = bytes.NewReader(nil)
	}
	req := httptest.NewRequest(method, path, rd)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, req)
	var out map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &out)
	if w.Code == 503 && w.Header().Get("Retry-After") == "" && out["code"] != "server.draining" {
		s.t.Errorf("%s %s: 503 without Retry-After", method, path)
	}
	return w.Code, out
}

// terminateBackends kills every other connection to st's database, as a
// failover or an administrator would; it returns how many it killed.
func terminateBackends(t *testing.T, st *store.Store) int {
	t.Helper()
	db, err := sql.Open("pgx", st.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	err = db.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// eventually polls ok every 20 ms for up to 20 s (a generous bound, not a
// performance claim) and returns how long it took.
func eventually(t *testing.T, what string, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > 20*time.Second {
			t.Fatalf("%s: not after 20 s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

// TestPGTerminatedConnectionsRecover: after pg_terminate_backend kills
// every connection of both instances, the next GET answers 200 (replayed
// on a fresh connection), a write answers 201 or 503 (never 500),
// /readyz recovers, and a role grant made on one instance still reaches
// the other (its LISTEN connection reconnects; polling covers the gap).
func TestPGTerminatedConnectionsRecover(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("pg_terminate_backend needs PostgreSQL; runs in the PostgreSQL pass")
	}
	w := newWorld(t)
	a := serveFaults(w.api)
	st2, err := store.Open(context.Background(), w.st.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st2.Close() })
	b := serveFaults(newAPIOn(t, st2, w.deps.Keys))
	unit := unitPath(w.A1, "")
	if code, _ := a.call("GET", unit, w.leadA1.Token, nil); code != 200 {
		t.Fatalf("warm-up GET: %d", code)
	}

	t.Logf("killed %d backends", terminateBackends(t, w.st))
	if code, body := a.call("GET", unit, w.leadA1.Token, nil); code != 200 {
		t.Fatalf("GET after terminate: %d %v", code, body)
	}

	terminateBackends(t, w.st)
	code, body := a.call("POST", "/v1/tenants", w.platform.Token, map[string]string{"name": "新街道", "code": "xin"})
	if code != 201 && code != 503 {
		t.Fatalf("write after terminate: %d %v", code, body)
	}
	t.Logf("write right after terminate: %d", code)
	eventually(t, "a write succeeds", func() bool {
		c, _ := a.call("POST", "/v1/tenants", w.platform.Token, map[string]string{"name": "新街道", "code": "xin"})
		return c == 201 || c == 409
	})

	terminateBackends(t, w.st)
	t.Logf("/readyz ready again after %v", eventually(t, "readyz", func() bool {
		c, _ := a.call("GET", "/readyz", "", nil)
		return c == 200
	}))

	p := w.newPerson("重连网格员")
	path := unitPath(w.A1g2, "/members")
	if c, _ := b.call("GET", path, p.Token, nil); c != 404 {
		t.Fatalf("before grant: %d", c)
	}
	terminateBackends(t, w.st) // LISTEN connections of both instances too
	grant(w, w.leadA1, w.A1g2, p, "guide").want(201)
	t.Logf("grant reached B after %v", eventually(t, "grant on B", func() bool {
		c, _ := b.call("GET", path, p.Token, nil)
		return c == 200
	}))
}

// TestPGTerminateUnderLoad: readers and writers run while every backend
// is killed several times; no request answers 500, and the figures (how
// many 200/201 and 503) are logged for docs/RESILIENCE.md.
func TestPGTerminateUnderLoad(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("pg_terminate_backend needs PostgreSQL; runs in the PostgreSQL pass")
	}
	w := newWorld(t)
	a := serveFaults(w.api)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type tally struct{ counts map[string]int }
	results := make(chan tally)
	const workers = 8
	for i := 0; i < workers; i++ {
		go func(i int) {
			counts := map[string]int{}
			for n := 0; ctx.Err() == nil; n++ {
				var code int
				var body map[string]any
				method := "GET"
				if n%4 == 3 {
					method = "POST"
					code, body = a.call("POST", "/v1/tenants", w.platform.Token,
						map[string]string{"name": fmt.Sprintf("街道%d-%d", i, n), "code": fmt.Sprintf("load-%d-%d", i, n)})
				} else {
					code, body = a.call("GET", unitPath(w.A1, ""), w.leadA1.Token, nil)
				}
				if code >= 500 && code != 503 {
					t.Errorf("status %d: %v", code, body)
				}
				counts[fmt.Sprintf("%s %d", method, code)]++
			}
			results <- tally{counts}
		}(i)
	}
	kills := 0
	for round := 0; round < 5; round++ {
		time.Sleep(300 * time.Millisecond)
		kills += terminateBackends(t, w.st)
	}
	time.Sleep(300 * time.Millisecond)
	cancel()
	total := map[string]int{}
	for i := 0; i < workers; i++ {
		for code, n := range (<-results).counts {
			total[code] += n
		}
	}
	t.Logf("5 rounds of pg_terminate_backend killed %d backends; answers by status: %v", kills, total)
	for k, n := range total {
		if k == "GET 500" || k == "POST 500" {
			t.Fatalf("%d answers were %s", n, k)
		}
	}
}
