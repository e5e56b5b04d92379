package authz

import (
	"slices"
	"strings"
	"testing"
)

func TestRolesCatalogFollowsPolicyCSV(t *testing.T) {
	want := []string{RolePlatformAdmin, RoleTenantAdmin, RoleLead, RoleReviewer,
		RoleGuide, RoleImplementer, RoleResident}
	roles := Roles()
	var names []string
	total := 0
	for i, r := range roles {
		names = append(names, r.Name)
		total += len(r.Permissions)
		if r.Rank != len(want)-i {
			t.Errorf("%s rank = %d, want %d", r.Name, r.Rank, len(want)-i)
		}
	}
	if !slices.Equal(names, want) {
		t.Fatalf("roles = %v, want %v", names, want)
	}
	lines := 0
	for _, l := range strings.Split(policyCSV, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "p,") {
			lines++
		}
	}
	if total != lines || total < 100 {
		t.Errorf("catalog permissions = %d, policy.csv p lines = %d", total, lines)
	}
	lead := roles[2].Permissions
	for _, p := range []string{"proposal:accept", "role_assignment:grant:guide", "task:report"} {
		if !slices.Contains(lead, p) {
			t.Errorf("lead lacks %s", p)
		}
	}
	if slices.Contains(lead, "role_assignment:grant:lead") {
		t.Error("lead may grant lead")
	}
}

func TestRoleRankAndIsRole(t *testing.T) {
	admin, _ := RoleRank(RoleTenantAdmin)
	lead, _ := RoleRank(RoleLead)
	resident, ok := RoleRank(RoleResident)
	if !ok || !(admin > lead && lead > resident) || resident != 1 {
		t.Errorf("ranks tenant_admin=%d lead=%d resident=%d", admin, lead, resident)
	}
	if _, ok := RoleRank("root"); ok || IsRole("root") || !IsRole(RoleGuide) {
		t.Error("unknown role accepted or known role rejected")
	}
}

func TestRolesReturnsACopy(t *testing.T) {
	Roles()[0].Permissions[0] = "tampered"
	if Roles()[0].Permissions[0] == "tampered" {
		t.Fatal("Roles exposes the shared catalog")
	}
}

func TestModelHasSevenRequestFields(t *testing.T) {
	m, err := newModel()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"r_sub", "r_obj", "r_act", "r_dp", "r_ds", "r_dc", "r_dg"}
	if got := m["r"]["r"].Tokens; !slices.Equal(got, want) {
		t.Fatalf("request tokens = %v, want %v", got, want)
	}
}
