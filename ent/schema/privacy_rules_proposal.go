package schema

import (
	"context"

	"entgo.io/ent"
	"entgo.io/ent/entql"

	"yishi/ent/privacy"
	"yishi/internal/viewer"
)

// proposalVisibility builds the OR of: the staff subtree (by unit_path,
// the handling unit, or by originField, where the proposal came from, so
// staff keep following what they escalated), the resident's community (by
// community_path, past draft when hideDrafts) and the viewer's own rows
// (by ownerField).
func proposalVisibility(v *viewer.Viewer, ownerField, originField string, hideDrafts bool) []entql.P {
	var ors []entql.P
	for _, s := range v.StaffScopes {
		ors = append(ors, entql.FieldHasPrefix("unit_path", s), entql.FieldHasPrefix(originField, s))
		if originField == "community_path" && viewer.CommunityOf(s) != s {
			// Rows hanging off a proposal (its timeline, say) stay readable
			// to grid staff after the proposal is escalated to their
			// community; residents there read them too.
			ors = append(ors, entql.FieldEQ("community_path", viewer.CommunityOf(s)))
		}
	}
	for _, c := range v.CommunityScopes {
		p := entql.FieldHasPrefix("community_path", c)
		if hideDrafts {
			p = entql.And(p, entql.FieldNEQ("status", "draft"))
		}
		ors = append(ors, p)
	}
	if ownerField != "" && v.UserID > 0 {
		ors = append(ors, entql.FieldEQ(ownerField, v.UserID))
	}
	return ors
}

// visibilityFilter applies proposalVisibility to queries, updates and
// deletes; a viewer who can see nothing is denied.
func visibilityFilter(ownerField, originField string, hideDrafts bool) privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		ors := proposalVisibility(viewer.FromContext(ctx), ownerField, originField, hideDrafts)
		if len(ors) == 0 {
			return privacy.Denyf("privacy: viewer sees no proposals")
		}
		f.Where(anyOf(ors))
		return privacy.Allow
	})
}

// createInCommunity admits a create when the row lies in the viewer's
// staff subtree (by handling unit, or by community: a community lead who
// escalates a proposal still writes its timeline) or in the resident's
// community (residents file, co-sign and comment there).
func createInCommunity() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		if !m.Op().Is(ent.OpCreate) {
			return privacy.Skip
		}
		v := viewer.FromContext(ctx)
		up, _ := m.Field("unit_path")
		cp, _ := m.Field("community_path")
		unitPath, _ := up.(string)
		communityPath, _ := cp.(string)
		if inAny(v.StaffScopes, unitPath) || inAny(v.StaffScopes, communityPath) || inAny(v.CommunityScopes, communityPath) {
			return privacy.Allow
		}
		return privacy.Denyf("privacy: create outside viewer scope")
	})
}

func inAny(scopes []string, path string) bool {
	return (&viewer.Viewer{Scopes: scopes}).InScope(path)
}

// proposalPolicy: staff see their subtree, residents their community past
// draft, authors their own.
func proposalPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), visibilityFilter("author_id", "origin_path", true)},
		Mutation: privacy.MutationPolicy{
			allowSystem(), createInCommunity(), visibilityFilter("author_id", "origin_path", true),
		},
	}
}

// proposalChildPolicy is for rows that hang off a proposal (events,
// co-signatures, comments, attachments): handlers reach them through the
// proposal, and this keeps them inside the tenant and community.
func proposalChildPolicy(ownerField string) ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), visibilityFilter(ownerField, "community_path", false)},
		Mutation: privacy.MutationPolicy{
			allowSystem(), createInCommunity(), visibilityFilter(ownerField, "community_path", false),
		},
	}
}
