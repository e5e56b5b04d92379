package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/notify"
)

// appendEvent adds one entry to p's timeline and, in the same
// transaction, notifies the proposal's author, co-signers and followers
// (internal/notify): an event and its notifications commit or roll back
// together. Timeline rows get the proposal's current unit and community
// from the schema's TenantChildMixin, so privacy scopes them like it.
func appendEvent(ctx context.Context, tx *ent.Tx, p *ent.Proposal, by Actor, action, from, to, note, reason string, detail map[string]any) error {
	ev, err := tx.ProposalEvent.Create().
		SetProposalID(p.ID).SetActor(by.Subject).SetActorName(by.Name).SetAction(action).
		SetFromStatus(from).SetToStatus(to).SetNote(note).SetReasonCode(reason).SetDetail(detail).
		Save(ctx)
	if err != nil {
		return fmt.Errorf("append %s event: %w", action, err)
	}
	return notify.ForEvent(ctx, tx, p, ev, by.UserID)
}

func proposalKind(k string) proposal.Kind       { return proposal.Kind(k) }
func proposalChannel(c string) proposal.Channel { return proposal.Channel(c) }
func proposalStatus(s string) proposal.Status   { return proposal.Status(s) }

func proposalOutcome(o string) proposal.Outcome { return proposal.Outcome(o) }

// RecordEvent adds a timeline entry that does not change the status: a
// meeting decision, a report meeting's minutes, a progress report. The
// entry shows where it came from in detail (e.g. meeting_id, minutes_id).
func RecordEvent(ctx context.Context, tx *ent.Tx, p *ent.Proposal, by Actor, action, note string, detail map[string]any) error {
	return appendEvent(ctx, tx, p, by, action, string(p.Status), string(p.Status), note, "", detail)
}
