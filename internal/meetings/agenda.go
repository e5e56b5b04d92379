package meetings

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/meeting"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
	"yishi/internal/workflow"
)

// AgendaInput is one agenda item: a proposal (its title by default) or a
// free item such as "any other business". Field names the request field
// that errors point at.
type AgendaInput struct {
	ProposalID *int
	Title      string
	Field      string
}

// reportable are the statuses a report meeting reports on: the proposal
// was accepted and has not been resolved elsewhere.
func reportable() []proposal.Status {
	return []proposal.Status{proposal.StatusAccepted, proposal.StatusDeliberating, proposal.StatusApproved,
		proposal.StatusDeclined, proposal.StatusImplementing, proposal.StatusCompleted, proposal.StatusClosed}
}

// AddAgendaItem puts one item on m's agenda in tx. A proposal must be
// visible to the caller and lie in m's subtree. On a report meeting it is
// reported on (any status from accepted on) with a timeline entry; on any
// other format it is deliberated: an accepted proposal is scheduled
// (accepted → deliberating, which its timeline shows), one already
// deliberating (deferred at an earlier meeting) is noted on its timeline,
// and any other status is 409 proposal.invalid_transition.
func AddAgendaItem(ctx context.Context, tx *ent.Tx, m *ent.Meeting, in AgendaInput, by proposals.Actor) (*ent.AgendaItem, error) {
	if m.Status != meeting.StatusScheduled {
		return nil, apperr.Conflict("meeting.not_scheduled", "the agenda of a "+string(m.Status)+" meeting is closed")
	}
	var p *ent.Proposal
	title := strings.TrimSpace(in.Title)
	if in.ProposalID != nil {
		var err error
		if p, err = agendaProposal(ctx, tx, m, *in.ProposalID, in.Field); err != nil {
			return nil, err
		}
		if title == "" {
			title = p.Title
		}
	}
	pos, err := tx.AgendaItem.Query().Where(agendaitem.MeetingID(m.ID)).Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("count agenda: %w", err)
	}
	item, err := tx.AgendaItem.Create().SetMeetingID(m.ID).SetNillableProposalID(in.ProposalID).
		SetTitle(title).SetPosition(pos + 1).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("agenda.duplicate", "the proposal is already on this meeting's agenda")
	}
	if err != nil {
		return nil, fmt.Errorf("create agenda item: %w", err)
	}
	if p != nil {
		return item, placeProposal(ctx, tx, m, item, p, by)
	}
	return item, nil
}

// agendaProposal loads a proposal for m's agenda; one the caller cannot
// see, or outside m's subtree, is a field error, never a hint.
func agendaProposal(ctx context.Context, tx *ent.Tx, m *ent.Meeting, id int, field string) (*ent.Proposal, error) {
	p, err := tx.Proposal.Get(ctx, id)
	if err != nil && !ent.IsNotFound(err) {
		return nil, fmt.Errorf("load proposal %d: %w", id, err)
	}
	if p == nil || p.TenantID != m.TenantID ||
		!(strings.HasPrefix(p.UnitPath, m.UnitPath) || strings.HasPrefix(p.OriginPath, m.UnitPath)) {
		return nil, apperr.Invalid(apperr.FieldError{Field: field,
			Message: fmt.Sprintf("proposal %d is not one you can see in this meeting's unit or below", id)})
	}
	return p, nil
}

// placeProposal applies what being on the agenda means for the proposal.
func placeProposal(ctx context.Context, tx *ent.Tx, m *ent.Meeting, item *ent.AgendaItem, p *ent.Proposal, by proposals.Actor) error {
	detail := map[string]any{"meeting_id": m.ID, "agenda_item_id": item.ID, "format": string(m.Format),
		"starts_at": m.StartsAt.UTC()}
	note := fmt.Sprintf("on the agenda of %s (meeting %d)", m.Title, m.ID)
	switch {
	case m.Format == meeting.FormatReportMeeting && slices.Contains(reportable(), p.Status):
		return proposals.RecordEvent(ctx, tx, p, by, "agenda", note, detail)
	case m.Format == meeting.FormatReportMeeting:
		return &apperr.Error{Kind: apperr.KindConflict, Code: "proposal.invalid_transition",
			Detail: "a report meeting reports on accepted proposals; this one is " + string(p.Status)}
	case p.Status == proposal.StatusDeliberating:
		return proposals.RecordEvent(ctx, tx, p, by, "agenda", note, detail)
	}
	_, err := proposals.TransitionTx(ctx, tx, p, workflow.Schedule, proposals.TransitionInput{Note: note}, by)
	return err
}
