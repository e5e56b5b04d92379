package access

import "yishi/internal/units"

// Target is what a request acts on, as access sees it: where it lies in the
// unit tree, whether the caller already sees it, and the loaded row for the
// relationship predicates.
type Target struct {
	// Kind names the target in a 404 ("proposal", "unit").
	Kind string
	// UnitPath is the materialized path of the unit the target belongs to;
	// "" for platform-level targets.
	UnitPath string
	// CommunityPath is the target's community; derived from UnitPath when
	// empty.
	CommunityPath string
	// Visible is true when the row was read through ent privacy as the
	// caller: they see it, so a missing permission is 403, never a 404 that
	// would pretend the row is not there.
	Visible bool
	// Object is the loaded row (*ent.Proposal, *ent.Vote, …) for predicates.
	Object any
	// SubjectUserID is the person a request body names (the member to add,
	// the user to grant a role), for NotSelf; 0 when none.
	SubjectUserID int
	// Grant is the role a role assignment grants, filling a permission
	// declared as role_assignment:grant:{role}.
	Grant string
}

func (t Target) community() string {
	if t.CommunityPath != "" {
		return t.CommunityPath
	}
	return units.CommunityPath(t.UnitPath)
}

func (t Target) tenant() string { return units.TenantPathOf(t.UnitPath) }
