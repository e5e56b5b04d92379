package voting

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"yishi/ent"
	"yishi/ent/membership"
	"yishi/ent/vote"
)

// Rights is the policy the roll is checked against (*authz.Policy): a
// person is on a vote's roll only if they may cast a ballot there.
type Rights interface {
	Enforce(subject, obj, act, unitPath string) bool
}

// mayBallot keeps the users who hold vote:ballot where the ballot route
// looks for it (community-wide): at the vote's unit or above, or at one
// of their own memberships inside the vote's community. Staff who are
// only registered as members or participants, without the resident
// role, are not on the roll: a roll of 74 for 73 possible voters would
// understate turnout and every share-based threshold. A nil rights keeps
// everyone (tests of the engine alone).
func mayBallot(ctx context.Context, tx *ent.Tx, v *ent.Vote, ids []int, rights Rights) ([]int, error) {
	if rights == nil || len(ids) == 0 {
		return ids, nil
	}
	community := v.CommunityPath
	if community == "" {
		community = v.UnitPath
	}
	rows, err := tx.Membership.Query().Where(membership.UserIDIn(ids...), membership.UnitPathHasPrefix(community)).
		Select(membership.FieldUserID, membership.FieldUnitPath).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("roll: memberships of voters: %w", err)
	}
	paths := map[int][]string{}
	for _, m := range rows {
		paths[m.UserID] = append(paths[m.UserID], m.UnitPath)
	}
	out := ids[:0:0]
	for _, id := range ids {
		sub := "u:" + strconv.Itoa(id)
		ok := rights.Enforce(sub, "vote", "ballot", v.UnitPath)
		for _, p := range paths[id] {
			ok = ok || (strings.HasPrefix(p, community) && rights.Enforce(sub, "vote", "ballot", p))
		}
		if ok {
			out = append(out, id)
		}
	}
	return out, nil
}

// isPersonRoll reports whether v's roll lists people (not households).
func isPersonRoll(v *ent.Vote) bool {
	return v.Eligibility == vote.EligibilityMembers || v.Eligibility == vote.EligibilityParticipants
}
