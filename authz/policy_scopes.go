package authz

import "yishi/internal/viewer"

// Scopes returns the unit paths at which subject holds any role. ent's
// privacy rules filter every tenant-owned query to these subtrees, so they
// come from memory on every request rather than from the database.
func (p *Policy) Scopes(subject string) []string {
	return p.index.Load().scopes(subject)
}

// HasRole reports whether subject holds role at any domain, e.g. to decide
// which parts of a UI to offer.
func (p *Policy) HasRole(subject, role string) bool {
	return p.index.Load().hasRole(subject, role, "")
}

// IsPlatformAdmin reports whether subject operates the platform; privacy
// rules let the platform operator manage units and role assignments.
func (p *Policy) IsPlatformAdmin(subject string) bool {
	return p.index.Load().hasRole(subject, RolePlatformAdmin, PlatformDomain)
}

// Assignments returns a copy of subject's live assignments, so grant
// checks can compare ranks without a database round trip.
func (p *Policy) Assignments(subject string) []Assignment {
	return p.index.Load().list(subject)
}

// FillViewer sets v's scopes and platform flag from the policy; the auth
// middleware calls it on every request so a revoke takes effect at once.
func (p *Policy) FillViewer(v *viewer.Viewer) {
	if v == nil {
		return
	}
	v.Scopes = p.Scopes(v.Subject)
	v.Platform = p.IsPlatformAdmin(v.Subject)
}
