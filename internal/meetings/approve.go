package meetings

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/meeting"
	"yishi/ent/minutes"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
)

// ApproveMinutes locks m's latest draft in tx and writes what it decided
// to the proposals' timelines in the same transaction, so a proposal's
// history and the approved minutes never disagree.
func ApproveMinutes(ctx context.Context, tx *ent.Tx, m *ent.Meeting, approverID *int, by proposals.Actor, now time.Time) (*ent.Minutes, error) {
	if m.Status != meeting.StatusHeld {
		return nil, apperr.Conflict("meeting.not_held", "minutes are approved once the meeting is marked held")
	}
	latest, err := Latest(ctx, tx, m.ID)
	if err != nil {
		return nil, err
	}
	switch {
	case latest == nil:
		return nil, apperr.Conflict("minutes.missing", "write the minutes before approving them")
	case latest.Status == minutes.StatusApproved:
		return nil, apperr.Conflict("minutes.already_approved",
			fmt.Sprintf("version %d is approved already; a correction is a new version", latest.Version))
	}
	n, err := tx.Minutes.Update().Where(minutes.ID(latest.ID), minutes.StatusEQ(minutes.StatusDraft)).
		SetStatus(minutes.StatusApproved).SetNillableApprovedBy(approverID).SetApprovedAt(now.UTC()).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("approve minutes: %w", err)
	}
	if n == 0 {
		return nil, errMinutesRace()
	}
	row, err := tx.Minutes.Get(ctx, latest.ID)
	if err != nil {
		return nil, fmt.Errorf("reload minutes: %w", err)
	}
	if m.Format == meeting.FormatReportMeeting {
		return row, recordReport(ctx, tx, m, row, by)
	}
	return row, recordDecisions(ctx, tx, m, row, by)
}

// recordDecisions appends a meeting_decision entry to the timeline of
// each proposal a decision is about; the lead's decide step can then cite
// the minutes (detail.minutes_id).
func recordDecisions(ctx context.Context, tx *ent.Tx, m *ent.Meeting, row *ent.Minutes, by proposals.Actor) error {
	for _, d := range row.Decisions {
		if d.ProposalID == 0 {
			continue
		}
		detail := outcomeDetail(m, row, d.AgendaItemID)
		detail["outcome"] = d.Outcome
		if err := recordOn(ctx, tx, d.ProposalID, by, "meeting_decision", d.Text, detail); err != nil {
			return err
		}
	}
	return nil
}

// recordReport appends a report_meeting entry with the minutes (or the
// decision on that item, when there is one) to every reported proposal.
func recordReport(ctx context.Context, tx *ent.Tx, m *ent.Meeting, row *ent.Minutes, by proposals.Actor) error {
	items, err := tx.AgendaItem.Query().Where(agendaitem.MeetingID(m.ID), agendaitem.ProposalIDNotNil()).
		Order(ent.Asc(agendaitem.FieldPosition)).All(ctx)
	if err != nil {
		return fmt.Errorf("load report agenda: %w", err)
	}
	for _, it := range items {
		note, detail := row.Text, outcomeDetail(m, row, it.ID)
		for _, d := range row.Decisions {
			if d.AgendaItemID == it.ID {
				note, detail["outcome"] = d.Text, d.Outcome
			}
		}
		if err := recordOn(ctx, tx, *it.ProposalID, by, "report_meeting", note, detail); err != nil {
			return err
		}
	}
	return nil
}

func outcomeDetail(m *ent.Meeting, row *ent.Minutes, itemID int) map[string]any {
	return map[string]any{"meeting_id": m.ID, "minutes_id": row.ID, "minutes_version": row.Version,
		"agenda_item_id": itemID}
}

// recordOn writes one timeline entry. A proposal the approver can no
// longer see (merged or escalated out of their subtree) is skipped: the
// minutes still hold the decision.
func recordOn(ctx context.Context, tx *ent.Tx, proposalID int, by proposals.Actor, action, note string, detail map[string]any) error {
	p, err := tx.Proposal.Get(ctx, proposalID)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("load proposal %d: %w", proposalID, err)
	}
	return proposals.RecordEvent(ctx, tx, p, by, action, note, detail)
}
