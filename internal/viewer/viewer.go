// Package viewer says who is calling and which units they may see. It is a
// leaf package: authz fills it in, and ent's privacy rules read it, so it
// must import nothing from ent or authz.
package viewer

import (
	"context"
	"strings"
)

// Viewer is the caller of one request. Scopes are the unit paths (such as
// "s1/c4/") at which the caller holds any role; a role reaches the unit
// and everything below it, so a row is visible when one scope is a prefix
// of the row's unit path.
//
// StaffScopes are the scopes of roles that handle proposals (every role
// but resident and implementer): staff see all proposals of their subtree.
// CommunityScopes are the communities (or subdistricts) where the viewer is
// a resident or implementer: there they see every proposal past draft.
//
// TokenScopes is set only for partner-app tokens: the permissions ("obj:act"
// or "obj:*") the token may use on top of its client's role. It is nil for
// users, whose role alone decides.
type Viewer struct {
	Subject         string
	UserID          int
	ClientID        int
	Scopes          []string
	StaffScopes     []string
	CommunityScopes []string
	Platform        bool
	TokenScopes     []string
	system          bool
}

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer in ctx, or nil when there is none; callers
// must treat nil as "deny".
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// SystemContext is the single, named bypass of tenant isolation. It is for
// migrations, seeding, authentication bookkeeping and background workers,
// never for serving a caller's read; grep for it to audit every use.
func SystemContext(parent context.Context) context.Context {
	return NewContext(parent, &Viewer{Subject: "system", system: true})
}

// PublicReader is the viewer of one tenant's public record: privacy keeps
// every read inside the tenant at tenantPath, as it does for the tenant's
// staff; it never writes, and internal/publicrecord projects only
// non-personal fields from what it reads.
func PublicReader(tenantPath string) *Viewer {
	return &Viewer{Subject: "public", Scopes: []string{tenantPath}, StaffScopes: []string{tenantPath}}
}

// IsSystem reports whether v was made by SystemContext.
func (v *Viewer) IsSystem() bool { return v != nil && v.system }

// InScope reports whether path lies inside one of the viewer's scopes.
func (v *Viewer) InScope(path string) bool {
	if v == nil || path == "" {
		return false
	}
	for _, s := range v.Scopes {
		if strings.HasPrefix(path, s) {
			return true
		}
	}
	return false
}

// TokenAllows reports whether the token's scopes (if any) cover obj:act.
func (v *Viewer) TokenAllows(obj, act string) bool {
	if v == nil {
		return false
	}
	if v.TokenScopes == nil {
		return true
	}
	for _, s := range v.TokenScopes {
		if s == obj+":"+act || s == obj+":*" {
			return true
		}
	}
	return false
}

// CommunityOf cuts a unit path to its community ("s1/c4/g9/" → "s1/c4/");
// a community or subdistrict path is its own. It lives here, in the leaf
// package, because ent's privacy rules need it as well as the handlers.
func CommunityOf(path string) string {
	parts := strings.SplitAfter(path, "/")
	if len(parts) >= 3 && parts[1] != "" {
		return parts[0] + parts[1]
	}
	return path
}
