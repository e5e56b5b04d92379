package schema

import (
	"context"
	"fmt"

	"entgo.io/ent"

	gen "yishi/ent"
	"yishi/ent/householdmember"
	"yishi/ent/privacy"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// A household's members and floor area decide who votes and with what
// weight, so nobody may set their own (issue 15, DECISIONS "Anonymous
// votes"): a guide who entered themselves in a household, or enlarged
// their own flat, would vote on the strength of their own entry. The
// rules sit in the privacy policy so every path that writes households
// (the API, the CSV import, any later edit) is held to them; the system
// context (seeding, migrations) is not a person and passes.

// guarded puts rules in front of p's mutation policy. Each rule skips
// what it does not judge, so p still decides everything else.
func guarded(p ent.Policy, rules ...privacy.MutationRule) ent.Policy {
	base := p.(privacy.Policy)
	return privacy.Policy{Query: base.Query, Mutation: append(privacy.MutationPolicy(rules), base.Mutation...)}
}

// personOf is the person behind ctx, or 0 for the system, a partner app
// or no viewer (those are judged by the rest of the policy).
func personOf(ctx context.Context) int {
	v := viewer.FromContext(ctx)
	if v == nil || v.IsSystem() {
		return 0
	}
	return v.UserID
}

// selfEntry is the refusal of a household change that concerns the
// caller's own household: someone else must make it.
func selfEntry(detail string) error {
	return &apperr.Error{Kind: apperr.KindForbidden, Code: "household.self_entry", Detail: detail}
}

// refuseSelfEntry denies creating a HouseholdMember row for the caller.
func refuseSelfEntry() privacy.MutationRule {
	return privacy.OnMutationOperation(privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		uid, _ := m.Field("user_id")
		if me := personOf(ctx); me != 0 && uid == me {
			return selfEntry("nobody may enter themselves in a household: another member of staff must")
		}
		return privacy.Skip
	}), ent.OpCreate)
}

// refuseOwnArea denies changing the floor area of a household the caller
// is a member of. It reads the membership as system (the rows are the
// caller's own, but the decision must not depend on their scopes).
func refuseOwnArea() privacy.MutationRule {
	return privacy.OnMutationOperation(privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		hm, ok := m.(*gen.HouseholdMutation)
		me := personOf(ctx)
		if !ok || me == 0 {
			return privacy.Skip
		}
		_, set := hm.FloorArea()
		_, added := hm.AddedFloorArea()
		if !set && !added {
			return privacy.Skip
		}
		ids, err := hm.IDs(ctx)
		if err != nil {
			return fmt.Errorf("household area: read targets: %w", err)
		}
		own, err := hm.Client().HouseholdMember.Query().Where(householdmember.HouseholdIDIn(ids...),
			householdmember.UserID(me)).Exist(viewer.SystemContext(ctx))
		if err != nil {
			return fmt.Errorf("household area: read membership: %w", err)
		}
		if own {
			return selfEntry("nobody may change the floor area of their own household: another member of staff must")
		}
		return privacy.Skip
	}), ent.OpUpdate|ent.OpUpdateOne)
}
