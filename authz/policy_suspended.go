package authz

import (
	"context"
	"slices"

	"yishi/internal/units"
	"yishi/internal/viewer"
)

// loadSuspended re-reads the suspended tenants (issue 12). It runs with
// every Load and every Sync that finds a new version: suspending a tenant
// bumps the policy version in its transaction, so every instance picks it
// up exactly as it picks up a revoked role, and no request reads the
// database to learn it.
func (p *Policy) loadSuspended(ctx context.Context) error {
	paths, err := units.SuspendedPaths(viewer.SystemContext(ctx), p.client)
	if err != nil {
		return err
	}
	p.suspended.Store(&paths)
	return nil
}

// SuspendedTenant reports whether path lies in a suspended tenant.
func (p *Policy) SuspendedTenant(path string) bool {
	s := p.suspended.Load()
	if s == nil || path == "" {
		return false
	}
	return slices.Contains(*s, units.TenantPathOf(path))
}

// DropSuspended removes from v every scope inside a suspended tenant, so
// privacy hides that tenant's rows from its users, and reports whether v
// is left with no tenant at all: then the caller is refused on every
// route (403 tenant.suspended). The platform operator keeps the
// platform scope and is never refused, so they can unsuspend.
func (p *Policy) DropSuspended(v *viewer.Viewer) (refused bool) {
	s := p.suspended.Load()
	if s == nil || len(*s) == 0 || v == nil {
		return false
	}
	in := func(path string) bool { return path != PlatformDomain && slices.Contains(*s, units.TenantPathOf(path)) }
	had := slices.ContainsFunc(v.Scopes, func(sc string) bool { return sc != PlatformDomain })
	if !had {
		return false
	}
	v.Scopes = slices.DeleteFunc(slices.Clone(v.Scopes), in)
	v.StaffScopes = slices.DeleteFunc(slices.Clone(v.StaffScopes), in)
	v.CommunityScopes = slices.DeleteFunc(slices.Clone(v.CommunityScopes), in)
	left := slices.ContainsFunc(v.Scopes, func(sc string) bool { return sc != PlatformDomain })
	return !left && !v.Platform
}
