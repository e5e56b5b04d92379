package authz

import (
	"testing"

	"yishi/internal/testdb"
)

// decision is one expected Enforce answer.
type decision struct {
	sub, obj, act, path string
	want                bool
}

func checkDecisions(t *testing.T, p *Policy, ds []decision) {
	t.Helper()
	for _, d := range ds {
		if got := p.Enforce(d.sub, d.obj, d.act, d.path); got != d.want {
			t.Errorf("Enforce(%s, %s:%s, %q) = %v, want %v", d.sub, d.obj, d.act, d.path, got, d.want)
		}
	}
}

func TestPolicyRolesReachDownNeverUpOrSideways(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st)
	grantRole(t, p, st, "u:1", RoleLead, "s1/c4/")
	grantRole(t, p, st, "u:2", RoleTenantAdmin, "s1/")
	grantRole(t, p, st, "u:3", RoleResident, "s1/c4/g9/")
	checkDecisions(t, p, []decision{
		{"u:1", "proposal", "accept", "s1/c4/", true},
		{"u:1", "proposal", "accept", "s1/c4/g9/", true},
		{"u:1", "proposal", "accept", "s1/", false},
		{"u:1", "proposal", "accept", "s1/c5/", false},
		{"u:1", "proposal", "accept", "s1/c5/g9/", false},
		{"u:1", "proposal", "accept", "s2/c4/", false},
		{"u:1", "proposal", "accept", "s1/c44/", false},
		{"u:1", "proposal", "accept", "s1/c44/g1/", false},
		{"u:1", "proposal", "accept", "", false},
		{"u:1", "unit", "create", "s1/c4/", false},
		{"u:2", "unit", "create", "s1/c4/g9/", true},
		{"u:2", "role_assignment", "grant:lead", "s1/c4/", true},
		{"u:2", "proposal", "accept", "s1/c4/", false},
		{"u:2", "unit", "read", "s2/", false},
		{"u:3", "vote", "ballot", "s1/c4/g9/", true},
		{"u:3", "vote", "ballot", "s1/c4/", false},
		{"u:3", "vote", "ballot", "s1/c4/g8/", false},
	})
}

func TestPolicyPlatformAdminHasNoResidentData(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st)
	grantRole(t, p, st, "u:9", RolePlatformAdmin, PlatformDomain)
	checkDecisions(t, p, []decision{
		{"u:9", "tenant", "create", "", true},
		{"u:9", "role_assignment", "grant:tenant_admin", "s7/", true},
		{"u:9", "unit", "read", "s7/c1/", true},
		{"u:9", "proposal", "read", "", false},
		{"u:9", "proposal", "read", "s7/", false},
		{"u:9", "proposal", "read", "s7/c1/g1/", false},
		{"u:8", "tenant", "create", "", false},
	})
	if !p.IsPlatformAdmin("u:9") || p.IsPlatformAdmin("u:8") || len(p.Scopes("u:9")) != 0 {
		t.Errorf("platform admin index: admin=%v scopes=%v", p.IsPlatformAdmin("u:9"), p.Scopes("u:9"))
	}
}

func TestPolicyFailsClosedOnMalformedInput(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st)
	grantRole(t, p, st, "c:5", RoleLead, "s1/c4/")
	checkDecisions(t, p, []decision{
		{"c:5", "proposal", "accept", "s1/c4/", true},
		{"c:5", "proposal", "accept", "s1/c4", false},
		{"c:5", "proposal", "accept", "s1/c4/g9/x/", false},
		{"lead", "proposal", "accept", "s1/c4/", false},
		{"", "proposal", "accept", "s1/c4/", false},
		{"c:5", "proposal", "nope", "s1/c4/", false},
	})
}

func TestPolicyIndexAnswersScopesAndRoles(t *testing.T) {
	st := testdb.Open(t)
	p := openTestPolicy(t, st)
	grantRole(t, p, st, "u:1", RoleGuide, "s1/c4/")
	grantRole(t, p, st, "u:1", RoleResident, "s1/c4/g9/")
	grantRole(t, p, st, "u:1", RoleReviewer, "s1/c4/")
	if got := p.Scopes("u:1"); len(got) != 2 || got[0] != "s1/c4/" || got[1] != "s1/c4/g9/" {
		t.Errorf("scopes = %v", got)
	}
	if !p.HasRole("u:1", RoleReviewer) || p.HasRole("u:1", RoleLead) || p.HasRole("u:2", RoleGuide) {
		t.Error("HasRole disagrees with the grants")
	}
	if got := len(p.Assignments("u:1")); got != 3 {
		t.Errorf("assignments = %d, want 3", got)
	}
}
