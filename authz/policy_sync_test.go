package authz

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"yishi/internal/testdb"
)

func TestPolicyRevokeBindsTheNextRequest(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st)
	id := grantRole(t, p, st, "u:1", RoleLead, "s1/c4/")
	for range 3 { // the second and third answers come from the cache
		if !p.Enforce("u:1", "proposal", "close", "s1/c4/g2/") {
			t.Fatal("lead denied after grant")
		}
	}
	key := decisionKey{"u:1", "proposal", "close", "s1/c4/g2/"}
	if allowed, ok := p.cache.get(p.epoch.Load(), key); !ok || !allowed {
		t.Fatal("allow was not cached, so this test would not catch a stale cache")
	}
	before := p.Version()
	revokeRole(t, p, st, id)
	if p.Enforce("u:1", "proposal", "close", "s1/c4/g2/") {
		t.Fatal("cached allow served after revoke")
	}
	if p.Version() != before+1 || len(p.Scopes("u:1")) != 0 || p.HasRole("u:1", RoleLead) {
		t.Errorf("after revoke: version %d (was %d), scopes %v", p.Version(), before, p.Scopes("u:1"))
	}
}

func TestPolicySyncAppliesChangesFromAnotherInstance(t *testing.T) {
	st := testdb.Open(t)
	a, b := openTestPolicy(t, st), openTestPolicy(t, st)
	grantRole(t, a, st, "u:1", RoleGuide, "s1/c4/")
	gone := grantRole(t, a, st, "u:2", RoleGuide, "s1/c4/")
	revokeRole(t, a, st, gone) // granted and revoked before b looks: nothing to apply
	if b.Enforce("u:1", "household", "create", "s1/c4/") {
		t.Fatal("b allowed before syncing")
	}
	changed, err := b.Sync(context.Background())
	if err != nil || !changed {
		t.Fatalf("sync: changed=%v err=%v", changed, err)
	}
	if !b.Enforce("u:1", "household", "create", "s1/c4/") || b.Enforce("u:2", "household", "create", "s1/c4/") {
		t.Error("b disagrees with a after sync")
	}
	if b.Version() != a.Version() || len(b.Assignments("u:2")) != 0 {
		t.Errorf("b version %d, a version %d, u:2 %v", b.Version(), a.Version(), b.Assignments("u:2"))
	}
	if changed, err := b.Sync(context.Background()); changed || err != nil {
		t.Errorf("second sync: changed=%v err=%v", changed, err)
	}
}

func TestPolicyRegrantInOneBatchKeepsTheLine(t *testing.T) {
	st := testdb.Open(t)
	a, b := openTestPolicy(t, st), openTestPolicy(t, st)
	first := grantRole(t, a, st, "u:1", RoleReviewer, "s1/")
	if _, err := b.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	// b sees the revoke of the first row and the grant of an identical
	// second row in one batch; the g line must survive.
	revokeRole(t, a, st, first)
	second := grantRole(t, a, st, "u:1", RoleReviewer, "s1/")
	if _, err := b.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]*Policy{"a": a, "b": b} {
		if !p.Enforce("u:1", "proposal", "reject", "s1/c1/") {
			t.Errorf("%s: the re-grant was lost with the revoked row", name)
		}
	}
	revokeRole(t, a, st, second)
	if _, err := b.Sync(context.Background()); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]*Policy{"a": a, "b": b} {
		if p.Enforce("u:1", "proposal", "reject", "s1/c1/") {
			t.Errorf("%s: allowed after both grants were revoked", name)
		}
	}
}

func TestPolicyReloadMatchesIncrementalState(t *testing.T) {
	st := testdb.Open(t)
	a := openTestPolicy(t, st)
	grantRole(t, a, st, "u:1", RoleLead, "s1/c4/")
	revokeRole(t, a, st, grantRole(t, a, st, "u:1", RoleTenantAdmin, "s1/"))
	fresh := openTestPolicy(t, st)
	if fresh.Version() != a.Version() {
		t.Errorf("fresh version %d, incremental %d", fresh.Version(), a.Version())
	}
	for _, p := range []*Policy{a, fresh} {
		checkDecisions(t, p, []decision{
			{"u:1", "proposal", "decide", "s1/c4/", true},
			{"u:1", "unit", "create", "s1/", false},
		})
	}
}

func TestPolicyTrimMemoKeepsDecisions(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st, WithDecisionCache(0))
	grantRole(t, p, st, "u:1", RoleImplementer, "s1/c2/")
	for range 2 {
		checkDecisions(t, p, []decision{
			{"u:1", "task", "report", "s1/c2/g3/", true},
			{"u:1", "task", "create", "s1/c2/g3/", false},
			{"u:1", "task", "report", "s1/c3/", false},
		})
		p.trimMemo()
	}
}

// TestPolicyEnforceDuringSync runs checks while roles change; run it with
// -race: the permission enforcers read role links the primary is editing.
func TestPolicyEnforceDuringSync(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st, WithDecisionCache(0))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				p.Enforce(fmt.Sprintf("u:%d", i%5), "proposal", "accept", fmt.Sprintf("s1/c%d/", w))
				p.Scopes("u:1")
			}
		})
	}
	for i := range 10 {
		id := grantRole(t, p, st, fmt.Sprintf("u:%d", i%5), RoleLead, "s1/c1/")
		revokeRole(t, p, st, id)
	}
	close(stop)
	wg.Wait()
	if p.Enforce("u:1", "proposal", "accept", "s1/c1/") {
		t.Error("allowed after every grant was revoked")
	}
}
