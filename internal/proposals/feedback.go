package proposals

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
)

// LowSatisfaction is the highest score that counts as dissatisfied: such
// feedback opens a follow-up draft, as a new need does.
const LowSatisfaction = 2

// FeedbackInput is one person's verdict on a completed proposal.
type FeedbackInput struct {
	Satisfaction int
	Comment      string
	NewNeed      bool
}

// NeedsFollowUp reports whether feedback feeds a new need back into the
// process (抓反馈): a low score or an explicit new need.
func (in FeedbackInput) NeedsFollowUp() bool {
	return in.Satisfaction <= LowSatisfaction || in.NewNeed
}

// GiveFeedback records by's feedback on p in tx and, when it asks for
// one, opens the follow-up draft in the same transaction, so a feedback
// never exists without the follow-up it promised. Who may give feedback
// is the caller's check; this enforces when (only while completed) and
// how often (once per person, by the unique index).
func GiveFeedback(ctx context.Context, tx *ent.Tx, p *ent.Proposal, in FeedbackInput, by Actor) (*ent.Feedback, error) {
	cur, err := tx.Proposal.Get(ctx, p.ID)
	if err != nil {
		return nil, fmt.Errorf("reload proposal %d: %w", p.ID, err)
	}
	if cur.Status != proposal.StatusCompleted {
		return nil, apperr.Conflict("feedback.not_open",
			"feedback opens when a proposal is completed and ends when it closes; this one is "+string(cur.Status))
	}
	fb, err := tx.Feedback.Create().SetTenantID(cur.TenantID).SetUnitID(cur.UnitID).SetUnitPath(cur.UnitPath).
		SetCommunityPath(cur.CommunityPath).SetProposalID(cur.ID).SetUserID(by.UserID).
		SetSatisfaction(in.Satisfaction).SetComment(strings.TrimSpace(in.Comment)).SetNewNeed(in.NewNeed).
		Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("feedback.exists", "you have already given feedback on this proposal")
	}
	if err != nil {
		return nil, fmt.Errorf("save feedback: %w", err)
	}
	if !in.NeedsFollowUp() {
		return fb, nil
	}
	fu, err := openFollowUp(ctx, tx, cur, fb, in, by)
	if err != nil {
		return nil, err
	}
	fb, err = tx.Feedback.UpdateOne(fb).SetFollowUpID(fu.ID).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("link follow-up: %w", err)
	}
	return fb, nil
}
