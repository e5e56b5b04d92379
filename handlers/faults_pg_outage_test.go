package handlers_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"yishi/internal/jobs"
	"yishi/internal/store"
	"yishi/internal/testdb"
)

// outage takes st's database away the way a stopped server looks to
// Yishi, without touching the shared cluster: the database stops
// accepting connections and every connection to it is killed. The
// returned func brings it back.
func outage(t *testing.T, st *store.Store) (restore func()) {
	t.Helper()
	u, err := url.Parse(st.URL)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	admin, err := sql.Open("pgx", os.Getenv(testdb.EnvURL))
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string) {
		t.Helper()
		if _, err := admin.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false")
	exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'")
	restored := false
	restore = func() {
		if !restored {
			restored = true
			exec("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true")
			admin.Close()
		}
	}
	t.Cleanup(restore)
	return restore
}

// TestPGOutageAnswers503AndRecovers: while the database refuses
// connections, reads and writes answer 503 database.unavailable with
// Retry-After (never 500, never a hang), /readyz answers 503 and a
// background job reports the database unavailable; once it accepts
// connections again, service resumes in the same process, and a role
// grant on one instance reaches the other.
func TestPGOutageAnswers503AndRecovers(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("needs PostgreSQL; runs in the PostgreSQL pass")
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
	job := jobs.Job{Name: "outage.probe", Interval: time.Minute, Run: func(ctx context.Context) (int, error) {
		return 0, w.st.DB.PingContext(ctx)
	}}
	runner := jobs.Runner{DB: w.st.DB, Dialect: w.st.Dialect, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}

	restore := outage(t, w.st)
	for _, rq := range []struct{ method, path, token string }{
		{"GET", unit, w.leadA1.Token},
		{"POST", "/v1/tenants", w.platform.Token},
		{"GET", "/readyz", ""},
	} {
		start := time.Now()
		var body any
		if rq.method == "POST" {
			body = map[string]string{"name": "停机街道", "code": "outage"}
		}
		code, p := a.call(rq.method, rq.path, rq.token, body)
		if code != 503 || p["code"] != "database.unavailable" {
			t.Fatalf("%s %s during the outage: %d %v", rq.method, rq.path, code, p)
		}
		t.Logf("%s %s during the outage: 503 in %v", rq.method, rq.path, time.Since(start).Round(time.Millisecond))
	}
	if err := runner.Once(context.Background(), job); store.FaultOf(err) != store.Unavailable {
		t.Fatalf("job during the outage: %v", err)
	}

	restore()
	t.Logf("GET 200 again %v after the database came back", eventually(t, "reads resume", func() bool {
		c, _ := a.call("GET", unit, w.leadA1.Token, nil)
		return c == 200
	}).Round(time.Millisecond))
	if c, p := a.call("GET", "/readyz", "", nil); c != 200 {
		t.Fatalf("readyz after recovery: %d %v", c, p)
	}
	if c, p := a.call("POST", "/v1/tenants", w.platform.Token, map[string]string{"name": "停机街道", "code": "outage"}); c != 201 {
		t.Fatalf("write after recovery: %d %v", c, p)
	}
	if err := runner.Once(context.Background(), job); err != nil {
		t.Fatalf("job after recovery: %v", err)
	}
	p := w.newPerson("恢复后网格员")
	path := unitPath(w.A1g2, "/members")
	grant(w, w.leadA1, w.A1g2, p, "guide").want(201)
	t.Logf("grant reached B %v after recovery", eventually(t, "grant on B", func() bool {
		c, _ := b.call("GET", path, p.Token, nil)
		return c == 200
	}).Round(time.Millisecond))
}
