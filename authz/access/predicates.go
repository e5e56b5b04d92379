package access

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/cosignature"
	"yishi/ent/eligiblevoter"
	"yishi/ent/householdmember"
	"yishi/ent/membership"
	"yishi/ent/organizationmember"
	"yishi/ent/proposal"
	"yishi/ent/vote"
	"yishi/internal/apperr"
	"yishi/internal/voting"
)

// The named relationship predicates. Each is built by a function, so no
// package state exists; routes and allowed_actions call the same ones.

// IsAuthor holds when the caller wrote the target proposal (or comment).
func IsAuthor() Predicate {
	return Predicate{Name: "author", Doc: "only the author does this",
		holds: func(_ context.Context, f Facts) (bool, error) { return isAuthor(f), nil }}
}

func isAuthor(f Facts) bool {
	if f.Viewer.UserID <= 0 {
		return false
	}
	switch o := f.Target.Object.(type) {
	case *ent.Proposal:
		return o.AuthorID != nil && *o.AuthorID == f.Viewer.UserID
	case *ent.Comment:
		return o.AuthorID == f.Viewer.UserID
	}
	return false
}

// EnteredOnBehalf holds when the caller may enter proposals for residents
// where the target lies (proposal:create_on_behalf, the guide's power).
func EnteredOnBehalf() Predicate {
	return Predicate{Name: "on_behalf", Doc: "the caller enters proposals on residents' behalf here",
		holds: func(_ context.Context, f Facts) (bool, error) { return onBehalf(f), nil }}
}

func onBehalf(f Facts) bool {
	return f.Decider.Holds(f.Viewer, Permission{"proposal", "create_on_behalf"}, f.Target, Subtree)
}

// OfflineOnBehalf holds for a proposal that came through an offline
// channel (letter, hotline, visit) when the caller may enter proposals on
// residents' behalf: the guide who typed it in submits it.
func OfflineOnBehalf() Predicate {
	return Predicate{Name: "offline_on_behalf", Doc: "an offline proposal, and the caller enters proposals on residents' behalf",
		holds: func(_ context.Context, f Facts) (bool, error) {
			p, ok := f.Target.Object.(*ent.Proposal)
			return ok && p.Channel != proposal.ChannelOnline && onBehalf(f), nil
		}}
}

// NotSelf holds when the person the body names is not the caller: nobody
// grants a role to themselves or verifies their own membership. Deferred:
// the body names the person.
func NotSelf() Predicate {
	return Predicate{Name: "not_self", Doc: "nobody may do this to themselves", Deferred: true,
		holds: func(_ context.Context, f Facts) (bool, error) {
			return f.Target.SubjectUserID != f.Viewer.UserID, nil
		}}
}

// MemberOfUnitOrBelow holds when the caller is a member of the target's
// unit or of a unit below it (co-signers).
func MemberOfUnitOrBelow() Predicate {
	return Predicate{Name: "member_of_unit_or_below", Doc: "co-signers must be members of the proposal's unit or a unit below it",
		holds: func(ctx context.Context, f Facts) (bool, error) {
			return isMemberUnder(ctx, f, f.Target.UnitPath)
		}}
}

func isMemberUnder(ctx context.Context, f Facts, path string) (bool, error) {
	if f.Viewer.UserID == 0 {
		return false, nil
	}
	ok, err := f.Client.Membership.Query().Where(membership.UserID(f.Viewer.UserID),
		membership.UnitPathHasPrefix(path)).Exist(ctx)
	if err != nil {
		return false, fmt.Errorf("check membership: %w", err)
	}
	return ok, nil
}

// ServedByProposal holds for the people a proposal served: its author, its
// co-signers and the members of the unit where it was filed or below. The
// origin unit counts, not the handling unit: escalation moves the handling
// unit up, but the neighbours who live with the result stay where they are.
func ServedByProposal() Predicate {
	return Predicate{Name: "served", Doc: "feedback comes from the author, the co-signers and the members of the proposal's unit",
		holds: func(ctx context.Context, f Facts) (bool, error) {
			p, ok := f.Target.Object.(*ent.Proposal)
			if !ok || f.Viewer.UserID == 0 {
				return false, nil
			}
			if isAuthor(f) {
				return true, nil
			}
			signed, err := f.Client.Cosignature.Query().
				Where(cosignature.ProposalID(p.ID), cosignature.UserID(f.Viewer.UserID)).Exist(ctx)
			if err != nil || signed {
				return signed, err
			}
			return isMemberUnder(ctx, f, p.OriginPath)
		}}
}

// TaskReporter holds for the task's assignee, a member of its assigned
// organization, or a lead where it lies (task:update): task:report alone
// would let an implementer report on any task in scope.
func TaskReporter() Predicate {
	return Predicate{Name: "assignee_or_org_member", Doc: "only the assignee, a member of the assigned organization, or a lead reports on this task",
		holds: func(ctx context.Context, f Facts) (bool, error) {
			t, ok := f.Target.Object.(*ent.Task)
			if !ok {
				return false, nil
			}
			v := f.Viewer
			if f.Decider.Holds(v, Permission{"task", "update"}, f.Target, Subtree) ||
				(t.AssigneeID != nil && v.UserID > 0 && *t.AssigneeID == v.UserID) {
				return true, nil
			}
			if t.OrganizationID == nil || v.UserID == 0 {
				return false, nil
			}
			member, err := f.Client.OrganizationMember.Query().Where(organizationmember.UserID(v.UserID),
				organizationmember.OrganizationID(*t.OrganizationID)).Exist(ctx)
			if err != nil {
				return false, fmt.Errorf("check organization membership: %w", err)
			}
			return member, nil
		}}
}

// AssignedOrganizationMember holds when the task is assigned to an
// organization the caller belongs to (leader or member): a resident
// volunteer team reports on its task without an implementer grant
// (issue 11). Routes pair it with proposal:read community-wide.
func AssignedOrganizationMember() Predicate {
	return Predicate{Name: "assigned_org_member", Doc: "only members of the organization the task is assigned to report on it",
		holds: func(ctx context.Context, f Facts) (bool, error) {
			t, ok := f.Target.Object.(*ent.Task)
			if !ok || t.OrganizationID == nil || f.Viewer.UserID == 0 {
				return false, nil
			}
			member, err := f.Client.OrganizationMember.Query().Where(organizationmember.UserID(f.Viewer.UserID),
				organizationmember.OrganizationID(*t.OrganizationID)).Exist(ctx)
			if err != nil {
				return false, fmt.Errorf("check organization membership: %w", err)
			}
			return member, nil
		}}
}

// AssignedOrganizationLeader holds when the task is assigned to an
// organization the caller leads: the leader assigns it on to a member.
func AssignedOrganizationLeader() Predicate {
	return Predicate{Name: "assigned_org_leader", Doc: "only the leader of the organization the task is assigned to assigns it on",
		holds: func(ctx context.Context, f Facts) (bool, error) {
			t, ok := f.Target.Object.(*ent.Task)
			if !ok || t.OrganizationID == nil || f.Viewer.UserID == 0 {
				return false, nil
			}
			leads, err := f.Client.OrganizationMember.Query().Where(organizationmember.UserID(f.Viewer.UserID),
				organizationmember.OrganizationID(*t.OrganizationID), organizationmember.RoleEQ(organizationmember.RoleLeader)).Exist(ctx)
			if err != nil {
				return false, fmt.Errorf("check organization leadership: %w", err)
			}
			return leads, nil
		}}
}

// OnRoll holds when the caller has a line on the vote's frozen roll: their
// own, or that of an eligible household they belong to. Deferred: the
// ballot names the household, and casting checks the exact line
// (vote.not_eligible); allowed_actions uses this to show the ballot button.
func OnRoll() Predicate {
	return Predicate{Name: "on_roll", Doc: "you are not on this vote's roll", Deferred: true,
		holds: onRoll,
		refusal: func() error {
			return &apperr.Error{Kind: apperr.KindForbidden, Code: "vote.not_eligible", Detail: "you are not on this vote's roll"}
		}}
}

func onRoll(ctx context.Context, f Facts) (bool, error) {
	v, ok := f.Target.Object.(*ent.Vote)
	if !ok || f.Viewer.UserID == 0 {
		return false, nil
	}
	keys := []string{voting.PersonKey(f.Viewer.UserID)}
	if v.Eligibility == vote.EligibilityHouseholds {
		ids, err := f.Client.HouseholdMember.Query().Where(householdmember.UserID(f.Viewer.UserID)).
			Select(householdmember.FieldHouseholdID).Ints(ctx)
		if err != nil {
			return false, fmt.Errorf("read households: %w", err)
		}
		keys = keys[:0]
		for _, id := range ids {
			keys = append(keys, voting.HouseholdKey(id))
		}
	}
	if len(keys) == 0 {
		return false, nil
	}
	ok, err := f.Client.EligibleVoter.Query().Where(eligiblevoter.VoteID(v.ID), eligiblevoter.VoterKeyIn(keys...)).Exist(ctx)
	if err != nil {
		return false, fmt.Errorf("read roll: %w", err)
	}
	return ok, nil
}
