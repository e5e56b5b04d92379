package handlers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"yishi/internal/store"
	"yishi/internal/testdb"
)

// TestTwoInstancesAgreeWithinOneSecond: two servers share PostgreSQL; a
// grant and a revoke made through A are enforced by B within a second
// (LISTEN/NOTIFY, with polling as the fallback).
func TestTwoInstancesAgreeWithinOneSecond(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("two instances need a shared server database; runs in the PostgreSQL pass")
	}
	w := newWorld(t)
	st2, err := store.Open(context.Background(), w.st.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st2.Close() })
	b := newAPIOn(t, st2, w.deps.Keys)
	p := w.newPerson("两地网格员")
	path := unitPath(w.A1g2, "/members")
	b.do("GET", path, p.Token, nil).want(404)

	id := grant(w, w.leadA1, w.A1g2, p, "guide").want(201).id()
	waitFor(t, "grant on B", func() bool { return b.do("GET", path, p.Token, nil).Code == 200 })

	w.do("DELETE", fmt.Sprintf("/v1/role-assignments/%d", id), w.leadA1.Token, nil).want(204)
	w.do("GET", path, p.Token, nil).want(404) // A: the very next request
	waitFor(t, "revoke on B", func() bool { return b.do("GET", path, p.Token, nil).Code == 404 })
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > time.Second {
			t.Fatalf("%s: instances still disagree after one second", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("%s: agreed after %v", what, time.Since(start).Round(time.Millisecond))
}
