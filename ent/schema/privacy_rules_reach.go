package schema

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/entql"

	"yishi/ent/privacy"
	"yishi/internal/viewer"
)

// communityReachFilter admits, on a read marked viewer.WithCommunityReach,
// the units a community-wide rule can act on: each scope's tenant root and
// every unit of each scope's community. A grid resident lists the
// proposals, votes, meetings and venues of their whole community from the
// community's unit; the route's rule still decides what they may do there.
// Unmarked reads fall through to the subtree filter.
func communityReachFilter(pathField string) privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		if !viewer.HasCommunityReach(ctx) {
			return privacy.Skip
		}
		roots, communities := viewer.FromContext(ctx).CommunityReach()
		var ors []entql.P
		for i := range roots {
			ors = append(ors, entql.FieldEQ(pathField, roots[i]), entql.FieldHasPrefix(pathField, communities[i]))
		}
		if len(ors) == 0 {
			return privacy.Denyf("privacy: viewer has no scope")
		}
		f.Where(anyOf(ors))
		return privacy.Allow
	})
}

// tenantWideFilter admits reads of rows anywhere in a tenant where the
// viewer holds any scope: tenant reference data (the guidebook), owned by
// the subdistrict and used by every community and grid under it.
func tenantWideFilter(pathField string) privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		var ors []entql.P
		for _, s := range v.Scopes {
			ors = append(ors, entql.FieldHasPrefix(pathField, viewer.TenantOf(s)))
		}
		if len(ors) == 0 {
			return privacy.Denyf("privacy: viewer has no scope")
		}
		f.Where(anyOf(ors))
		return privacy.Allow
	})
}

// tenantReferencePolicy is the policy of tenant reference data: everyone
// with a role in the tenant reads it, and so does the platform operator
// who seeds it (as for units: the route's rule then refuses them with 403,
// not 404); writes stay in the writer's subtree (the tenant root, for the
// guidebook).
func tenantReferencePolicy(pathField string) ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), allowPlatform(), tenantWideFilter(pathField)},
		Mutation: privacy.MutationPolicy{
			allowSystem(), scopedCreate(pathField), scopeFilter(pathField, ""),
		},
	}
}
