package notify

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"yishi/ent"
	"yishi/ent/eligiblevoter"
	"yishi/ent/householdmember"
	"yishi/ent/organizationmember"
	"yishi/ent/participant"
	"yishi/ent/roleassignment"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// The roles whose queue a kind fills. They mirror authz/policy.csv: who
// may accept, return or merge a proposal (lead, reviewer, guide) and who
// approves minutes (lead). A role's queue is its unit and everything
// below it, as for its permissions.
var (
	proposalQueueRoles = []string{"lead", "reviewer", "guide"}
	minutesQueueRoles  = []string{"lead"}
)

// staffAt lists the people who hold one of roles at path or above: the
// staff whose subtree path lies in. One query, whatever their number.
func staffAt(ctx context.Context, client *ent.Client, path string, roles []string) ([]int, error) {
	ids, err := client.RoleAssignment.Query().
		Where(roleassignment.DomainIn(units.AncestorPaths(path)...), roleassignment.RoleIn(roles...),
			roleassignment.RevokedAtIsNil(), roleassignment.UserIDNotNil()).
		Select(roleassignment.FieldUserID).Ints(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("list staff at %s: %w", path, err)
	}
	return ids, nil
}

// voteRoll lists the people on a vote's frozen roll: persons directly,
// households through their members (two queries in all).
func voteRoll(ctx context.Context, client *ent.Client, voteID int) ([]int, error) {
	sys := viewer.SystemContext(ctx)
	keys, err := client.EligibleVoter.Query().Where(eligiblevoter.VoteID(voteID)).
		Select(eligiblevoter.FieldVoterKey).Strings(sys)
	if err != nil {
		return nil, fmt.Errorf("read roll of vote %d: %w", voteID, err)
	}
	var people, households []int
	for _, k := range keys {
		kind, num, _ := strings.Cut(k, ":")
		id, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		if kind == "u" {
			people = append(people, id)
		} else if kind == "h" {
			households = append(households, id)
		}
	}
	if len(households) > 0 {
		members, err := client.HouseholdMember.Query().Where(householdmember.HouseholdIDIn(households...)).
			Select(householdmember.FieldUserID).Ints(sys)
		if err != nil {
			return nil, fmt.Errorf("read households of vote %d: %w", voteID, err)
		}
		people = append(people, members...)
	}
	return people, nil
}

// meetingPeople lists the registered participants of a meeting (guests
// without an account have no inbox).
func meetingPeople(ctx context.Context, client *ent.Client, meetingID int) ([]int, error) {
	ids, err := client.Participant.Query().Where(participant.MeetingID(meetingID), participant.UserIDNotNil()).
		Select(participant.FieldUserID).Ints(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("read participants of meeting %d: %w", meetingID, err)
	}
	return ids, nil
}

// taskPeople lists who carries a task: its assignee, or every member of
// its organization.
func taskPeople(ctx context.Context, client *ent.Client, t *ent.Task) ([]int, error) {
	var ids []int
	if t.AssigneeID != nil {
		ids = append(ids, *t.AssigneeID)
	}
	if t.OrganizationID != nil {
		members, err := client.OrganizationMember.Query().
			Where(organizationmember.OrganizationID(*t.OrganizationID)).
			Select(organizationmember.FieldUserID).Ints(viewer.SystemContext(ctx))
		if err != nil {
			return nil, fmt.Errorf("read organization of task %d: %w", t.ID, err)
		}
		ids = append(ids, members...)
	}
	return ids, nil
}
