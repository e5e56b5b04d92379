package access

import (
	"context"
	"strings"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// Enforcer answers whether subject holds obj:act at the unit with the given
// path ("" for the platform). *authz.Policy is the production one.
type Enforcer interface {
	Enforce(subject, obj, act, unitPath string) bool
}

// Decider applies rules. It holds the policy and the data client the
// relationship predicates read through, as the caller (privacy applies).
type Decider struct {
	policy Enforcer
	client *ent.Client
}

// NewDecider builds the decider main wires into the HTTP layer.
func NewDecider(policy Enforcer, client *ent.Client) *Decider {
	return &Decider{policy: policy, client: client}
}

// Rule is one route's declared access: the permission, how far it reaches
// and the relationship predicates that must all hold besides.
type Rule struct {
	Perm  Permission
	Mode  Mode
	Preds []Predicate
	// Or is a second rule that also grants access (a task is read by
	// whoever holds task:read there, or reads its proposal community-wide).
	Or *Rule
	// Also documents the checks the handler makes through Decide once the
	// body is bound (an offline proposal needs proposal:create_on_behalf).
	Also string
}

// DecideRule is Decide for a whole Rule, its alternative included. When
// both refuse, the first rule's answer stands.
func (d *Decider) DecideRule(ctx context.Context, r Rule, t Target) error {
	err := d.Decide(ctx, r.Perm, t, r.Mode, r.Preds...)
	if err != nil && r.Or != nil && d.DecideRule(ctx, *r.Or, t) == nil {
		return nil
	}
	return err
}

// Decide answers nil when the caller in ctx may take perm on t under mode
// and every predicate holds. Outside the caller's scope the answer is 404
// naming t.Kind, so nobody learns that a row exists; inside it (or for a
// row the caller already sees) a refusal is 403.
func (d *Decider) Decide(ctx context.Context, perm Permission, t Target, mode Mode, preds ...Predicate) error {
	if mode == Unset {
		return apperr.Forbidden("this route declares no access")
	}
	if mode == Public {
		return nil
	}
	v := viewer.FromContext(ctx)
	if v == nil || v.IsSystem() {
		return apperr.Unauthorized("authentication required")
	}
	perm = perm.For(t)
	if mode != SignedIn && !d.Holds(v, perm, t, mode) {
		if t.Visible || d.inScope(v, t, mode) {
			return apperr.Forbidden("you may not " + perm.Act + " " + perm.Obj + " here")
		}
		return apperr.NotFound(t.Kind)
	}
	f := Facts{Viewer: v, Target: t, Client: d.client, Decider: d}
	for _, p := range preds {
		if p.Deferred {
			continue
		}
		if err := p.check(ctx, f); err != nil {
			return err
		}
	}
	return nil
}

// Check evaluates one predicate on its own: handlers call it for the
// predicates a route declares Deferred, once the body names their subject.
func (d *Decider) Check(ctx context.Context, p Predicate, t Target) error {
	v := viewer.FromContext(ctx)
	if v == nil {
		return apperr.Unauthorized("authentication required")
	}
	return p.check(ctx, Facts{Viewer: v, Target: t, Client: d.client, Decider: d})
}

// Holds reports whether v holds perm at t under mode, without predicates:
// the role question alone.
func (d *Decider) Holds(v *viewer.Viewer, perm Permission, t Target, mode Mode) bool {
	if v == nil || !v.TokenAllows(perm.Obj, perm.Act) {
		return false
	}
	switch mode {
	case Public, SignedIn:
		return true
	case Platform:
		return d.policy.Enforce(v.Subject, perm.Obj, perm.Act, "")
	case Subtree:
		return d.policy.Enforce(v.Subject, perm.Obj, perm.Act, t.UnitPath)
	case CommunityWide:
		return d.policy.Enforce(v.Subject, perm.Obj, perm.Act, t.UnitPath) ||
			d.anyScopeUnder(v, perm, t.community())
	case TenantWide:
		return d.anyScopeUnder(v, perm, t.tenant())
	case TenantRoot:
		return d.policy.Enforce(v.Subject, perm.Obj, perm.Act, t.tenant())
	}
	return false
}

// anyScopeUnder reports whether v holds perm at one of their own units
// inside prefix.
func (d *Decider) anyScopeUnder(v *viewer.Viewer, perm Permission, prefix string) bool {
	if prefix == "" {
		return false
	}
	for _, sc := range v.Scopes {
		if strings.HasPrefix(sc, prefix) && d.policy.Enforce(v.Subject, perm.Obj, perm.Act, sc) {
			return true
		}
	}
	return false
}

// inScope reports whether t lies where v may legitimately know it exists:
// then a refusal is 403, otherwise 404.
func (d *Decider) inScope(v *viewer.Viewer, t Target, mode Mode) bool {
	if t.UnitPath == "" || v.Platform {
		return true
	}
	switch mode {
	case TenantWide, TenantRoot:
		tenant := t.tenant()
		for _, sc := range v.Scopes {
			if strings.HasPrefix(sc, tenant) {
				return true
			}
		}
		return false
	}
	return v.InScope(t.UnitPath)
}

// Allowed reports whether the caller in ctx may take r on t, deferred
// predicates included: allowed_actions uses it so that an SPA shows only
// the buttons that would not answer 403. A predicate about a body's
// subject (NotSelf) holds when no subject is named.
func (d *Decider) Allowed(ctx context.Context, r Rule, t Target) bool {
	if d.Decide(ctx, r.Perm, t, r.Mode, r.Preds...) == nil && d.deferredHold(ctx, r, t) {
		return true
	}
	return r.Or != nil && d.Allowed(ctx, *r.Or, t)
}

// deferredHold reports whether r's deferred predicates hold on t.
func (d *Decider) deferredHold(ctx context.Context, r Rule, t Target) bool {
	for _, p := range r.Preds {
		if p.Deferred && d.Check(ctx, p, t) != nil {
			return false
		}
	}
	return true
}
