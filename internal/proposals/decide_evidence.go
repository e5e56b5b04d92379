package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/minutes"
	"yishi/ent/vote"
)

// evidence is what a decision on a proposal can rest on: its closed
// votes, and the approved minutes of meetings whose agenda had it.
type evidence struct {
	votes   []int       // closed votes on the proposal, oldest first
	minutes map[int]int // approved minutes id → meeting id
	latest  map[int]int // meeting id → its latest approved minutes id
}

// loadEvidence reads p's evidence as the caller, in tx.
func loadEvidence(ctx context.Context, tx *ent.Tx, p *ent.Proposal) (evidence, error) {
	ev := evidence{minutes: map[int]int{}, latest: map[int]int{}}
	var err error
	ev.votes, err = tx.Vote.Query().Where(vote.ProposalID(p.ID), vote.StatusEQ(vote.StatusClosed)).
		Order(ent.Asc(vote.FieldID)).IDs(ctx)
	if err != nil {
		return ev, fmt.Errorf("decide: list votes: %w", err)
	}
	meetingIDs, err := tx.AgendaItem.Query().Where(agendaitem.ProposalID(p.ID)).
		Select(agendaitem.FieldMeetingID).Ints(ctx)
	if err != nil {
		return ev, fmt.Errorf("decide: list agenda items: %w", err)
	}
	if len(meetingIDs) == 0 {
		return ev, nil
	}
	rows, err := tx.Minutes.Query().Where(minutes.MeetingIDIn(meetingIDs...), minutes.StatusEQ(minutes.StatusApproved)).
		Order(ent.Asc(minutes.FieldVersion)).All(ctx)
	if err != nil {
		return ev, fmt.Errorf("decide: list minutes: %w", err)
	}
	for _, m := range rows {
		ev.minutes[m.ID] = m.MeetingID
		ev.latest[m.MeetingID] = m.ID // ascending versions: the last one wins
	}
	return ev, nil
}
