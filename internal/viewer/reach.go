package viewer

import (
	"context"
	"strings"
)

type reachKey struct{}

// WithCommunityReach marks ctx for a community-wide read of units: a
// resident of a grid lists their whole community, whose unit privacy
// otherwise hides from them. The unit policy honours the mark only within
// the viewer's own scopes (CommunityReach), so unlike SystemContext it
// widens nothing beyond the communities the caller already belongs to.
func WithCommunityReach(parent context.Context) context.Context {
	return context.WithValue(parent, reachKey{}, true)
}

// HasCommunityReach reports whether ctx was marked by WithCommunityReach.
func HasCommunityReach(ctx context.Context) bool {
	ok, _ := ctx.Value(reachKey{}).(bool)
	return ok
}

// CommunityReach lists, for each scope of v, the unit paths a
// community-wide read reaches: the scope's tenant root (TenantOf) and every
// unit under the scope's community (CommunityOf). A unit at path p is
// reached when p equals a root or starts with a community; that is exactly
// "some scope lies inside p's community".
func (v *Viewer) CommunityReach() (roots, communities []string) {
	if v == nil {
		return nil, nil
	}
	for _, s := range v.Scopes {
		roots = append(roots, TenantOf(s))
		communities = append(communities, CommunityOf(s))
	}
	return roots, communities
}

// TenantOf cuts a unit path to its tenant root ("s1/c4/g9/" → "s1/"); ""
// stays "". Tenant-wide reference data (the guidebook) is readable by
// anyone with a scope under that root.
func TenantOf(path string) string {
	if i := strings.IndexByte(path, '/'); i >= 0 {
		return path[:i+1]
	}
	return path
}
