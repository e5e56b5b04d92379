package authz

import (
	"context"
	"testing"
	"time"

	"yishi/internal/store"
	"yishi/internal/testdb"
)

// propagationBound is DESIGN.md §2: a change made on one instance is
// enforced on every instance within a second.
const propagationBound = time.Second

// startWatch runs p.Watch until the test ends.
func startWatch(t *testing.T, p *Policy) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Watch(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// waitEnforce polls b until it answers want, failing after the bound.
func waitEnforce(t *testing.T, b *Policy, want bool, sub, obj, act, path string) {
	t.Helper()
	start := time.Now()
	for b.Enforce(sub, obj, act, path) != want {
		if time.Since(start) > propagationBound {
			t.Fatalf("instance b still answers %v after %v", !want, propagationBound)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Logf("instance b answered %v after %v", want, time.Since(start))
}

// checkPropagation grants and revokes through a and expects b to follow.
func checkPropagation(t *testing.T, a, b *Policy, st *store.Store) {
	startWatch(t, a)
	startWatch(t, b)
	id := grantRole(t, a, st, "u:7", RoleLead, "s1/c4/")
	waitEnforce(t, b, true, "u:7", "proposal", "close", "s1/c4/g1/")
	revokeRole(t, a, st, id)
	waitEnforce(t, b, false, "u:7", "proposal", "close", "s1/c4/g1/")
}

// TestPolicyWatchListenPropagates proves NOTIFY alone is enough: b polls
// only hourly, on its own connection pool, as a second server would.
func TestPolicyWatchListenPropagates(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("LISTEN/NOTIFY needs PostgreSQL; set " + testdb.EnvURL)
	}
	st := testdb.Open(t)
	other, err := store.Open(context.Background(), st.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	a := openTestPolicy(t, st, WithPostgresURL(st.URL))
	b := openTestPolicy(t, other, WithPostgresURL(st.URL), WithPollInterval(time.Hour))
	checkPropagation(t, a, b, st)
}

// TestPolicyWatchPollPropagates covers SQLite and a lost NOTIFY: polling
// alone meets the bound. Both instances share st, since an in-memory
// SQLite database lives in one connection.
func TestPolicyWatchPollPropagates(t *testing.T) {
	st := testdb.Open(t)
	a, b := openTestPolicy(t, st), openTestPolicy(t, st)
	checkPropagation(t, a, b, st)
}

// TestPolicyWatchListenReconnects kills b's LISTEN connection and expects
// b to reconnect (and catch up) well within the bound.
func TestPolicyWatchListenReconnects(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("LISTEN/NOTIFY needs PostgreSQL; set " + testdb.EnvURL)
	}
	st := testdb.Open(t)
	a := openTestPolicy(t, st)
	b := openTestPolicy(t, st, WithPostgresURL(st.URL), WithPollInterval(time.Hour))
	startWatch(t, b)
	ctx := context.Background()
	killed := 0
	for start := time.Now(); killed == 0 && time.Since(start) < propagationBound; {
		err := st.DB.QueryRowContext(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE datname = current_database() AND query LIKE 'LISTEN %'`).Scan(&killed)
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if killed == 0 {
		t.Fatal("b never opened its LISTEN connection")
	}
	grantRole(t, a, st, "u:7", RoleGuide, "s1/c4/")
	waitEnforce(t, b, true, "u:7", "talent", "create", "s1/c4/")
}
