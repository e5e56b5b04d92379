// Package access is the one place that decides who may do what to which
// target. Every route declares a Rule (permission, scope mode, relationship
// predicates) in the route table; Decide applies it with the rule "outside
// the caller's scope 404, inside it 403" written once. The same rules
// produce docs/PERMISSIONS.md, the spec's x-permission and each resource's
// allowed_actions, so the three cannot disagree.
package access

// Mode says how far a permission held at one unit reaches towards the
// target. Roles apply to their unit and everything below it; the modes
// widen that where the product says so.
type Mode int

const (
	// Unset is the zero value: a rule that forgot its mode. It is refused
	// (NewRouter does not start, Decide denies), so forgetting a mode can
	// never make a route public.
	Unset Mode = iota
	// Public routes need no caller at all (login, the spec, health).
	Public
	// SignedIn routes need any authenticated caller and act only on the
	// caller's own data (their profile, their notifications).
	SignedIn
	// Platform permissions are held at the platform level, above tenants.
	Platform
	// Subtree permissions are held at the target's unit or an ancestor of
	// it: the staff rule.
	Subtree
	// CommunityWide also accepts the permission held at any unit inside the
	// target's community: residents act on their neighbours' proposals,
	// not only in the grid where their role sits.
	CommunityWide
	// TenantWide accepts the permission held at any of the caller's units
	// inside the target's tenant: reference data every community works
	// under, such as the guidebook lists.
	TenantWide
	// TenantRoot needs the permission at the tenant root itself.
	TenantRoot
)

// String names the mode as docs/PERMISSIONS.md and the spec print it.
func (m Mode) String() string {
	switch m {
	case Unset:
		return "unset"
	case Public:
		return "public"
	case SignedIn:
		return "signed-in"
	case Platform:
		return "platform"
	case Subtree:
		return "subtree"
	case CommunityWide:
		return "community-wide"
	case TenantWide:
		return "tenant-wide"
	case TenantRoot:
		return "tenant-root"
	}
	return "unknown"
}
