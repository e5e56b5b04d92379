package authz

import (
	"fmt"
	"sync"
)

// RoleInfo describes one role for GET /v1/roles, so clients can show what
// a grant means without hard-coding the policy.
type RoleInfo struct {
	Name string `json:"name"`
	// Rank orders roles by strength: higher is stronger, so "grant no role
	// stronger than your own" is RoleRank(target) <= RoleRank(own).
	Rank int `json:"rank"`
	// Permissions are "obj:act" strings such as "proposal:accept".
	Permissions []string `json:"permissions"`
}

// roleCatalog is the parsed policy.csv: roles strongest first.
type roleCatalog struct {
	roles  []RoleInfo
	byName map[string]int
}

// catalog parses the embedded csv once. It is a memoised pure function of
// an embedded file, not mutable state.
var catalog = sync.OnceValue(func() roleCatalog {
	rules, err := parsePermissions(policyCSV)
	if err != nil {
		panic(fmt.Sprintf("authz: embedded %v", err))
	}
	return buildCatalog(rules)
})

// buildCatalog groups rules by role in first-seen order and ranks them so
// the first role in the file is the strongest.
func buildCatalog(rules []permissionRule) roleCatalog {
	c := roleCatalog{byName: map[string]int{}}
	for _, r := range rules {
		i, ok := c.byName[r.Role]
		if !ok {
			i = len(c.roles)
			c.byName[r.Role] = i
			c.roles = append(c.roles, RoleInfo{Name: r.Role})
		}
		c.roles[i].Permissions = append(c.roles[i].Permissions, r.Obj+":"+r.Act)
	}
	for i := range c.roles {
		c.roles[i].Rank = len(c.roles) - i
	}
	return c
}

// Roles lists every role, strongest first. The result is a copy, so
// callers may modify it freely.
func Roles() []RoleInfo {
	src := catalog().roles
	out := make([]RoleInfo, len(src))
	for i, r := range src {
		out[i] = RoleInfo{Name: r.Name, Rank: r.Rank, Permissions: append([]string(nil), r.Permissions...)}
	}
	return out
}

// RoleRank returns the strength of a role (higher is stronger), so grant
// checks can refuse to hand out a role stronger than the granter's.
func RoleRank(name string) (int, bool) {
	c := catalog()
	i, ok := c.byName[name]
	if !ok {
		return 0, false
	}
	return c.roles[i].Rank, true
}

// IsRole reports whether name is a role in the policy; input from clients
// and rows from the database are checked with it before use.
func IsRole(name string) bool {
	_, ok := catalog().byName[name]
	return ok
}
