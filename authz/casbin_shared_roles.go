package authz

import "github.com/casbin/casbin/v2/rbac"

// sharedRoles is a read-only view of the primary enforcer's role manager,
// handed to the per-permission enforcers so 100k g lines are stored once.
// The writes casbin would make through it (clearing and re-adding links
// during BuildRoleLinks) are no-ops: only the primary writes.
type sharedRoles struct{ rbac.RoleManager }

// Clear is a no-op: a permission enforcer rebuilding its (empty) role
// links must not wipe the primary's.
func (sharedRoles) Clear() error { return nil }

// AddLink is a no-op; see sharedRoles.
func (sharedRoles) AddLink(string, string, ...string) error { return nil }

// BuildRelationship is a no-op; see sharedRoles.
func (sharedRoles) BuildRelationship(string, string, ...string) error { return nil }

// DeleteLink is a no-op; see sharedRoles.
func (sharedRoles) DeleteLink(string, string, ...string) error { return nil }

// DeleteDomain is a no-op; see sharedRoles.
func (sharedRoles) DeleteDomain(string) error { return nil }
