package access

// Doc says in one sentence what a mode means for the caller, so
// docs/PERMISSIONS.md explains each mode from the same place that defines
// it. An unknown mode has no doc.
func (m Mode) Doc() string {
	switch m {
	case Public:
		return "no caller needed at all (login, the spec, health checks)"
	case SignedIn:
		return "any authenticated caller; the route acts only on the caller's own data"
	case Platform:
		return "the permission held at the platform level, above every tenant"
	case Subtree:
		return "the permission held at the target's unit or at an ancestor of it (the staff rule: a role reaches its unit and everything below)"
	case CommunityWide:
		return "as subtree, or the permission held at any unit inside the target's community (residents act on their neighbours' proposals, not only in their own grid)"
	case TenantWide:
		return "the permission held at any of the caller's units inside the target's tenant (reference data every community works under)"
	case TenantRoot:
		return "the permission held at the tenant root itself"
	}
	return ""
}

// Modes lists every mode in declaration order, so documentation covers a
// mode added later without a second list to keep in step.
func Modes() []Mode {
	var out []Mode
	for m := Public; m.String() != "unknown"; m++ {
		out = append(out, m)
	}
	return out
}

// ModeOf parses a mode's String form (stored with idempotent answers);
// false for an unknown name or "unset".
func ModeOf(name string) (Mode, bool) {
	for _, m := range Modes() {
		if m.String() == name {
			return m, true
		}
	}
	return Unset, false
}
