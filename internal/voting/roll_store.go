package voting

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/household"
	"yishi/ent/membership"
	"yishi/ent/participant"
	"yishi/ent/vote"
)

// rollBatch keeps a bulk insert well under SQLite's bound-variable limit.
const rollBatch = 500

// rollOf reads who is eligible now: members of the unit's subtree, the
// meeting's registered participants, or the subtree's households.
// People are kept only if they may cast a ballot (mayBallot).
func rollOf(ctx context.Context, tx *ent.Tx, v *ent.Vote, rights Rights) ([]Voter, error) {
	switch v.Eligibility {
	case vote.EligibilityMembers:
		ids, err := tx.Membership.Query().Where(membership.UnitPathHasPrefix(v.UnitPath)).
			Select(membership.FieldUserID).Ints(ctx)
		if err != nil {
			return nil, fmt.Errorf("roll: members: %w", err)
		}
		ids, err = mayBallot(ctx, tx, v, ids, rights)
		if err != nil {
			return nil, err
		}
		return PeopleRoll(ids), nil
	case vote.EligibilityParticipants:
		if v.MeetingID == nil {
			return nil, nil
		}
		ids, err := tx.Participant.Query().Where(participant.MeetingID(*v.MeetingID), participant.UserIDNotNil()).
			Select(participant.FieldUserID).Ints(ctx)
		if err != nil {
			return nil, fmt.Errorf("roll: participants: %w", err)
		}
		ids, err = mayBallot(ctx, tx, v, ids, rights)
		if err != nil {
			return nil, err
		}
		return PeopleRoll(ids), nil
	}
	rows, err := tx.Household.Query().Where(household.UnitPathHasPrefix(v.UnitPath)).
		Order(ent.Asc(household.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("roll: households: %w", err)
	}
	hs := make([]Household, 0, len(rows))
	for _, h := range rows {
		hs = append(hs, Household{ID: h.ID, FloorArea: h.FloorArea})
	}
	return HouseholdRoll(hs, v.Weighting == vote.WeightingFloorArea), nil
}

// writeRoll inserts the roll in batches.
func writeRoll(ctx context.Context, tx *ent.Tx, v *ent.Vote, voters []Voter) error {
	for start := 0; start < len(voters); start += rollBatch {
		chunk := voters[start:min(start+rollBatch, len(voters))]
		bulk := make([]*ent.EligibleVoterCreate, 0, len(chunk))
		for _, e := range chunk {
			bulk = append(bulk, tx.EligibleVoter.Create().SetVoteID(v.ID).
				SetVoterKey(e.Key).SetWeight(e.Weight).SetFloorArea(e.FloorArea))
		}
		if err := tx.EligibleVoter.CreateBulk(bulk...).Exec(ctx); err != nil {
			return fmt.Errorf("roll of vote %d: %w", v.ID, err)
		}
	}
	return nil
}
