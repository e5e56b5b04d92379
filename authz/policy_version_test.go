package authz

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"yishi/internal/testdb"
	"yishi/internal/viewer"
)

func TestPolicyConcurrentGrantsGetDistinctOrderedVersions(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st)
	const workers, each = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				sub := fmt.Sprintf("u:%d", w*each+i+1)
				if _, err := writeGrant(context.Background(), p, st.Client, sub, RoleResident, "s1/c1/g1/"); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent grant: %v", err)
	}
	rows, err := st.Client.RoleAssignment.Query().All(viewer.SystemContext(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	var versions []int64
	for _, r := range rows {
		versions = append(versions, r.GrantedVersion)
	}
	slices.Sort(versions)
	for i, v := range versions {
		if v != int64(i+1) {
			t.Fatalf("versions = %v, want 1..%d without gaps or repeats", versions, workers*each)
		}
	}
	if p.Version() != workers*each {
		t.Errorf("local version %d, want %d", p.Version(), workers*each)
	}
	for i := 1; i <= workers*each; i++ {
		if !p.Enforce(fmt.Sprintf("u:%d", i), "vote", "ballot", "s1/c1/g1/") {
			t.Errorf("u:%d lost its grant", i)
		}
	}
}

func TestPolicyBumpRolledBackLeavesNoTrace(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st)
	ctx := viewer.SystemContext(context.Background())
	tx, err := st.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.BumpVersion(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if changed, err := p.Sync(ctx); changed || err != nil || p.Version() != 0 {
		t.Errorf("after rollback: changed=%v err=%v version=%d", changed, err, p.Version())
	}
	grantRole(t, p, st, "u:1", RoleResident, "s1/")
	if p.Version() != 1 {
		t.Errorf("first committed version = %d, want 1", p.Version())
	}
}
