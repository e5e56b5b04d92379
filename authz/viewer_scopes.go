package authz

import (
	"slices"
	"yishi/internal/units"
)

// RoleScopes splits subject's unit scopes for proposal visibility. Staff
// roles (every role but resident and implementer) see all proposals of
// their subtree; residents and implementers see the public proposals of
// the community their role sits in (a subdistrict-level role: the whole
// subdistrict).
func (p *Policy) RoleScopes(subject string) (staff, community []string) {
	for _, a := range p.Assignments(subject) {
		if a.Domain == PlatformDomain {
			continue
		}
		if a.Role == RoleResident || a.Role == RoleImplementer {
			if c := CommunityOf(a.Domain); !slices.Contains(community, c) {
				community = append(community, c)
			}
			continue
		}
		if !slices.Contains(staff, a.Domain) {
			staff = append(staff, a.Domain)
		}
	}
	return staff, community
}

// CommunityOf cuts a unit path to its community ("s1/c4/g9/" → "s1/c4/");
// a subdistrict path is its own. Residents see proposals community-wide.
func CommunityOf(path string) string { return units.CommunityPath(path) }
