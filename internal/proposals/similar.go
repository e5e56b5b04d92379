package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/similarity"
)

// Match is an open proposal whose text is close to another's.
type Match struct {
	Proposal *ent.Proposal
	Score    float64
}

// similarPool caps how many recent open proposals Similar compares: the
// bigram ranking is linear in it.
const similarPool = 500

// Similar lists up to n open proposals of p's community whose text is
// close to p's by character bigrams, best first, so a resident can
// co-sign one instead of filing a duplicate.
func Similar(ctx context.Context, client *ent.Client, p *ent.Proposal, n int) ([]Match, error) {
	rows, err := client.Proposal.Query().Where(
		proposal.CommunityPath(p.CommunityPath), proposal.IDNEQ(p.ID),
		proposal.StatusIn(proposal.StatusCollecting, proposal.StatusSubmitted, proposal.StatusNeedsRevision,
			proposal.StatusAccepted, proposal.StatusDeliberating, proposal.StatusApproved, proposal.StatusImplementing),
	).Order(ent.Desc(proposal.FieldID)).Limit(similarPool).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read similar proposals: %w", err)
	}
	byID := make(map[int]*ent.Proposal, len(rows))
	cands := make([]similarity.Candidate, 0, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
		cands = append(cands, similarity.Candidate{ID: r.ID, Text: r.Title + " " + r.Body})
	}
	var out []Match
	for _, m := range similarity.Rank(p.Title+" "+p.Body, cands, 0.2, n) {
		out = append(out, Match{Proposal: byID[m.ID], Score: m.Score})
	}
	return out, nil
}

// FollowUps lists up to n follow-ups of p (the drafts its feedback
// opened) that the caller in ctx can see, oldest first.
func FollowUps(ctx context.Context, client *ent.Client, p *ent.Proposal, n int) ([]*ent.Proposal, error) {
	rows, err := client.Proposal.Query().Where(proposal.FollowUpOfID(p.ID)).
		Order(ent.Asc(proposal.FieldID)).Limit(n).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read follow-ups of proposal %d: %w", p.ID, err)
	}
	return rows, nil
}
