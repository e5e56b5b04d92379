package proposals

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/store"
	"yishi/internal/viewer"
	"yishi/internal/workflow"
)

// TransitionInput is the body of POST /v1/proposals/{id}/{action}.
type TransitionInput struct {
	Note       string
	ReasonCode string
	Outcome    string
	ReferredTo string
	IntoID     int
	VoteID     *int // decide: the closed vote that supports the decision
	MinutesID  *int // decide: the approved minutes that support it
	// VoteIDs and MinutesIDs cite several votes and minutes (decide);
	// VoteID and MinutesID, when given, are cited too.
	VoteIDs    []int
	MinutesIDs []int
	// AttachmentIDs are the proposal's files an on-the-spot resolution
	// cites (the photo of the cleared drain).
	AttachmentIDs []int
}

// change is what one action does besides moving the status.
type change struct {
	input  workflow.Input
	set    func(*ent.ProposalUpdate)
	after  func(ctx context.Context, tx *ent.Tx, p *ent.Proposal) error
	detail map[string]any
}

// Transition applies action to p in one transaction: the action's own
// work, the status change guarded by p's version (so of two concurrent
// transitions exactly one applies) and one timeline event.
//
// Co-signatures are retried on a version conflict: neighbours signing at
// the same moment do not contradict each other, so the loser re-reads the
// proposal and signs again instead of failing. Other actions report the
// conflict, since the caller acted on a state that has changed.
func Transition(ctx context.Context, client *ent.Client, p *ent.Proposal, action string, in TransitionInput, by Actor) (*ent.Proposal, error) {
	for attempt := 0; ; attempt++ {
		var out *ent.Proposal
		err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
			var err error
			out, err = TransitionTx(ctx, tx, p, action, in, by)
			return err
		})
		if action != workflow.Cosign || attempt >= 32 || !isConflict(err) {
			return out, err
		}
		if p, err = client.Proposal.Get(ctx, p.ID); err != nil {
			return nil, fmt.Errorf("reload proposal %d: %w", p.ID, err)
		}
	}
}

// isConflict reports the optimistic-lock failure of TransitionTx.
func isConflict(err error) bool {
	e, ok := apperr.As(err)
	return ok && e.Code == "proposal.conflict"
}

// TransitionTx is Transition inside the caller's transaction, for changes
// that move a proposal as part of something bigger (putting it on a
// meeting's agenda schedules it).
func TransitionTx(ctx context.Context, tx *ent.Tx, p *ent.Proposal, action string, in TransitionInput, by Actor) (*ent.Proposal, error) {
	if err := workflow.Check(string(p.Status), action); err != nil {
		return nil, err
	}
	ch, err := prepare(ctx, tx, p, action, in, by)
	if err != nil {
		return nil, err
	}
	ch.input.Kind = string(p.Kind)
	next, err := workflow.Next(string(p.Status), action, ch.input)
	if err != nil {
		return nil, err
	}
	upd := tx.Proposal.Update().Where(proposal.ID(p.ID), proposal.Version(p.Version)).
		SetStatus(proposalStatus(next)).AddVersion(1)
	if next != string(p.Status) {
		stampTimes(upd, p, next, time.Now().UTC())
	}
	if ch.set != nil {
		ch.set(upd)
	}
	n, err := upd.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s proposal %d: %w", action, p.ID, err)
	}
	if n == 0 {
		return nil, apperr.Conflict("proposal.conflict", "the proposal changed while you acted; reload it and retry")
	}
	out, err := tx.Proposal.Get(ctx, p.ID)
	if err != nil {
		return nil, fmt.Errorf("reload proposal %d: %w", p.ID, err)
	}
	if ch.after != nil {
		if err := ch.after(ctx, tx, out); err != nil {
			return nil, err
		}
	}
	if err := appendEvent(eventContext(ctx, action), tx, out, by, action, string(p.Status), next, in.Note, in.ReasonCode, ch.detail); err != nil {
		return nil, err
	}
	return out, nil
}

// stampTimes records when a proposal entered review and when it was
// resolved or closed, for statistics. It runs only when the status
// changes: an escalation keeps submitted_at (it has escalations).
// A proposal that skips review (resolved on the spot) is stamped submitted
// when it is resolved, so it counts like any other in statistics.
func stampTimes(u *ent.ProposalUpdate, p *ent.Proposal, next string, now time.Time) {
	if p.SubmittedAt == nil && next == "completed" {
		u.SetSubmittedAt(now)
	}
	switch next {
	case "submitted":
		u.SetSubmittedAt(now)
	case "completed", "rejected", "declined", "referred", "merged", "withdrawn", "lapsed":
		u.SetResolvedAt(now)
	case "closed":
		u.SetClosedAt(now)
	}
}

// eventContext is the context the timeline entry is written in. An
// escalation moves the proposal, and so its new entry, above the unit
// where the caller was authorized (a grid lead escalating to the
// community has no scope there), so that one entry is written as the
// system; the transition itself was authorized and applied as the caller.
func eventContext(ctx context.Context, action string) context.Context {
	if action == workflow.Escalate {
		return viewer.SystemContext(ctx)
	}
	return ctx
}
