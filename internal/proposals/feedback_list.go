package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/feedback"
)

// Feedbacks lists p's feedback oldest first, after the id after, at most
// limit rows.
func Feedbacks(ctx context.Context, client *ent.Client, p *ent.Proposal, after, limit int) ([]*ent.Feedback, error) {
	rows, err := client.Feedback.Query().Where(feedback.ProposalID(p.ID), feedback.IDGT(after)).
		Order(ent.Asc(feedback.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list feedback of proposal %d: %w", p.ID, err)
	}
	return rows, nil
}

// Scores returns every satisfaction score given on p, for the count and
// average a feedback page reports over the whole proposal.
func Scores(ctx context.Context, client *ent.Client, p *ent.Proposal) ([]int, error) {
	scores, err := client.Feedback.Query().Where(feedback.ProposalID(p.ID)).
		Select(feedback.FieldSatisfaction).Ints(ctx)
	if err != nil {
		return nil, fmt.Errorf("read feedback scores of proposal %d: %w", p.ID, err)
	}
	return scores, nil
}
