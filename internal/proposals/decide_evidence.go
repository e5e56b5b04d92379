package proposals

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/minutes"
	"yishi/ent/vote"
	"yishi/internal/apperr"
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

// citation is what a decision cites, and whether the lead chose it.
type citation struct {
	voteID, minutesID *int
	automatic         bool
}

// cite checks the lead's citations against ev, or picks the unambiguous
// ones when the lead named none (see decideChange for the rule).
func (ev evidence) cite(voteID, minutesID *int) (citation, error) {
	var bad []apperr.FieldError
	if voteID != nil && !slices.Contains(ev.votes, *voteID) {
		bad = append(bad, apperr.FieldError{Field: "vote_id", Message: "must be a closed vote on this proposal"})
	}
	if _, ok := ev.minutes[deref(minutesID)]; minutesID != nil && !ok {
		bad = append(bad, apperr.FieldError{Field: "minutes_id",
			Message: "must be approved minutes of a meeting that had this proposal on its agenda"})
	}
	if len(bad) > 0 {
		return citation{}, apperr.Invalid(bad...)
	}
	if voteID != nil || minutesID != nil {
		return citation{voteID: voteID, minutesID: minutesID}, nil
	}
	c := citation{automatic: true}
	if len(ev.votes) == 1 {
		c.voteID = &ev.votes[0]
	}
	if len(ev.latest) == 1 {
		for _, id := range ev.latest {
			c.minutesID = &id
		}
	}
	if c.voteID == nil && c.minutesID == nil && (len(ev.votes) > 0 || len(ev.latest) > 0) {
		return c, ev.ambiguous()
	}
	return c, nil
}
