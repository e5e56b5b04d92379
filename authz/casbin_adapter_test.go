package authz

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/casbin/casbin/v2"

	"yishi/internal/testdb"
	"yishi/internal/viewer"
)

func TestAdapterLoadsLiveAssignmentsIntoPlainCasbin(t *testing.T) {
	st := testdb.Open(t)
	ctx := viewer.SystemContext(context.Background())
	now := time.Now()
	rows := []struct {
		sub, role, domain string
		revoked           bool
	}{
		{"u:1", RoleLead, "s1/c4/", false},
		{"u:2", RoleLead, "s1/c4/", true},
		{"u:3", "root", "s1/", false},            // unknown role: skipped
		{"u:4", RoleLead, "s1/c4", false},        // malformed domain: skipped
		{"lead", RoleLead, "s1/", false},         // subject is a role: skipped
		{"u:5", RolePlatformAdmin, "s1/", false}, // platform role off-platform: skipped
	}
	for _, r := range rows {
		c := st.Client.RoleAssignment.Create().SetSubject(r.sub).SetRole(r.role).
			SetDomain(r.domain).SetGrantedVersion(1)
		if r.revoked {
			c.SetRevokedAt(now).SetRevokedVersion(2)
		}
		if _, err := c.Save(ctx); err != nil {
			t.Fatal(err)
		}
	}
	m, err := newModel()
	if err != nil {
		t.Fatal(err)
	}
	e, err := casbin.NewSyncedEnforcer(m, NewAdapter(st.Client, policyTestLogger(t)))
	if err != nil {
		t.Fatal(err)
	}
	g, _ := e.GetGroupingPolicy()
	if len(g) != 1 || g[0][0] != "u:1" {
		t.Fatalf("g lines = %v, want only u:1's", g)
	}
	if ok, err := e.Enforce("u:1", "proposal", "accept", "platform", "s1/", "s1/c4/", ""); !ok || err != nil {
		t.Errorf("plain casbin denied the live lead: %v", err)
	}
	want := 0
	for _, r := range Roles() {
		want += len(r.Permissions)
	}
	if p, _ := e.GetPolicy(); len(p) != want {
		t.Errorf("p lines = %d, want %d (one per catalog permission)", len(p), want)
	}
}

func TestAdapterRefusesWrites(t *testing.T) {
	st := testdb.Open(t)
	a := NewAdapter(st.Client, policyTestLogger(t))
	m, err := newModel()
	if err != nil {
		t.Fatal(err)
	}
	errs := []error{
		a.SavePolicy(m),
		a.AddPolicy("g", "g", []string{"u:1", RoleLead, "s1/"}),
		a.RemovePolicy("g", "g", []string{"u:1", RoleLead, "s1/"}),
		a.RemoveFilteredPolicy("g", "g", 0, "u:1"),
	}
	for i, err := range errs {
		if !errors.Is(err, errWriteThroughAPI) {
			t.Errorf("write %d: err = %v, want errWriteThroughAPI", i, err)
		}
	}
}
