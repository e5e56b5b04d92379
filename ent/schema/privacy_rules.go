package schema

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/entql"

	"yishi/ent/privacy"
	"yishi/internal/viewer"
)

// allowSystem lets the named system bypass through and denies a context
// with no viewer at all, so every policy fails closed.
func allowSystem() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return privacy.Denyf("privacy: no viewer")
		}
		if v.IsSystem() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// allowPlatform lets a platform_admin through; used only on entities the
// platform operator must manage (units, role assignments, audit).
func allowPlatform() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).Platform {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// scopeFilter limits a query, update or delete to rows whose pathField lies
// in the viewer's scopes; ownerField, when set, also admits the viewer's
// own rows (a user sees their own memberships and roles).
func scopeFilter(pathField, ownerField string) privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		var ors []entql.P
		for _, s := range v.Scopes {
			ors = append(ors, entql.FieldHasPrefix(pathField, s))
		}
		if ownerField != "" && v.UserID > 0 {
			ors = append(ors, entql.FieldEQ(ownerField, v.UserID))
		}
		if len(ors) == 0 {
			return privacy.Denyf("privacy: viewer has no scope")
		}
		f.Where(anyOf(ors))
		return privacy.Allow
	})
}

// scopedCreate admits a create only when the new row's path lies in the
// viewer's scopes; updates and deletes fall through to scopeFilter.
func scopedCreate(pathField string) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		if !m.Op().Is(ent.OpCreate) {
			return privacy.Skip
		}
		p, _ := m.Field(pathField)
		path, _ := p.(string)
		if viewer.FromContext(ctx).InScope(path) {
			return privacy.Allow
		}
		return privacy.Denyf("privacy: create outside viewer scope")
	})
}

// tenantPolicy is the policy of an ordinary tenant-owned entity.
func tenantPolicy(pathField, ownerField string) ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), scopeFilter(pathField, ownerField)},
		Mutation: privacy.MutationPolicy{
			allowSystem(), scopedCreate(pathField), scopeFilter(pathField, ""),
		},
	}
}

// systemOnlyPolicy is for bookkeeping no caller reads directly: refresh
// tokens and the policy version.
func systemOnlyPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{allowSystem(), privacy.AlwaysDenyRule()},
		Mutation: privacy.MutationPolicy{allowSystem(), privacy.AlwaysDenyRule()},
	}
}

// selfFilter lets a user update their own row and nothing else.
func selfFilter() privacy.MutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		if v.UserID == 0 {
			return privacy.Skip
		}
		f.Where(entql.FieldEQ("id", v.UserID))
		return privacy.Allow
	})
}

// anyOf joins predicates with OR; entql.Or wants at least two.
func anyOf(ps []entql.P) entql.P {
	if len(ps) == 1 {
		return ps[0]
	}
	return entql.Or(ps[0], ps[1], ps[2:]...)
}

// ownInboxPolicy: a user reads and updates only rows addressed to them
// (user_id); only system work creates or deletes rows.
func ownInboxPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), ownerOnly()},
		Mutation: privacy.MutationPolicy{
			allowSystem(),
			privacy.OnMutationOperation(ownerOnly(), ent.OpUpdate|ent.OpUpdateOne),
			privacy.AlwaysDenyRule(),
		},
	}
}

// ownerOnly filters to rows whose user_id is the viewer's.
func ownerOnly() privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		if v.UserID == 0 {
			return privacy.Denyf("privacy: inbox needs a user")
		}
		f.Where(entql.FieldEQ("user_id", v.UserID))
		return privacy.Allow
	})
}
