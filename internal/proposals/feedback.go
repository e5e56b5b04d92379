package proposals

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
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
	if err := holdCompleted(ctx, tx, p.ID); err != nil {
		return nil, err
	}
	cur, err := tx.Proposal.Get(ctx, p.ID)
	if err != nil {
		return nil, fmt.Errorf("reload proposal %d: %w", p.ID, err)
	}
	fb, err := tx.Feedback.Create().SetProposalID(cur.ID).SetUserID(by.UserID).
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

// holdCompleted checks in tx that the proposal is completed and keeps it
// so until tx ends. A plain read would let a concurrent close commit
// first under PostgreSQL's read committed, and the feedback would land on
// a closed proposal. The no-op update locks the row without bumping the
// version, so a close waits for the feedback and then still applies.
// Authorization happened before; the lock is bookkeeping, hence the
// system context (residents may not update proposals).
func holdCompleted(ctx context.Context, tx *ent.Tx, id int) error {
	n, err := tx.Proposal.Update().Where(proposal.ID(id), proposal.StatusEQ(proposal.StatusCompleted)).
		SetStatus(proposal.StatusCompleted).Save(viewer.SystemContext(ctx))
	if err != nil {
		return fmt.Errorf("hold proposal %d: %w", id, err)
	}
	if n == 0 {
		return apperr.Conflict("feedback.not_open",
			"feedback opens when a proposal is completed and ends when it closes")
	}
	return nil
}
