package meetings

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/agendaitem"
	"yishi/ent/meeting"
	"yishi/ent/minutes"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
	"yishi/internal/notify"
)

// Draft is what a writer submits as the minutes: text and decisions.
type Draft struct {
	Text      string
	Decisions []schematype.MinutesDecision
	WriterID  *int
}

// Latest returns m's newest minutes version, or nil when none exists.
func Latest(ctx context.Context, tx *ent.Tx, meetingID int) (*ent.Minutes, error) {
	row, err := tx.Minutes.Query().Where(minutes.MeetingID(meetingID)).
		Order(ent.Desc(minutes.FieldVersion)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load minutes: %w", err)
	}
	return row, nil
}

// WriteMinutes saves d as m's current draft in tx (see NextDraft). The
// draft edit is conditional on the row still being a draft, and a new
// version relies on the unique (meeting, version) index, so approved
// minutes are never overwritten, whatever the timing.
func WriteMinutes(ctx context.Context, tx *ent.Tx, m *ent.Meeting, d Draft) (*ent.Minutes, error) {
	if m.Status == meeting.StatusCancelled {
		return nil, apperr.Conflict("meeting.cancelled", "a cancelled meeting has no minutes")
	}
	items, err := tx.AgendaItem.Query().Where(agendaitem.MeetingID(m.ID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load agenda: %w", err)
	}
	decisions, bad := CheckDecisions(d.Decisions, items)
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	latest, err := Latest(ctx, tx, m.ID)
	if err != nil {
		return nil, err
	}
	version, inPlace := NextDraft(latest)
	if inPlace {
		n, err := tx.Minutes.Update().Where(minutes.ID(latest.ID), minutes.StatusEQ(minutes.StatusDraft)).
			SetText(d.Text).SetDecisions(decisions).Save(ctx)
		if err != nil {
			return nil, fmt.Errorf("update minutes draft: %w", err)
		}
		if n == 0 {
			return nil, errMinutesRace()
		}
		row, err := tx.Minutes.Get(ctx, latest.ID)
		if err != nil {
			return nil, fmt.Errorf("reload minutes: %w", err)
		}
		return row, notify.MinutesPending(ctx, tx.Client(), m, row, notify.ActorOf(ctx))
	}
	row, err := tx.Minutes.Create().SetMeetingID(m.ID).SetVersion(version).SetText(d.Text).
		SetDecisions(decisions).SetNillableWrittenBy(d.WriterID).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, errMinutesRace()
	}
	if err != nil {
		return nil, fmt.Errorf("create minutes version %d: %w", version, err)
	}
	return row, notify.MinutesPending(ctx, tx.Client(), m, row, notify.ActorOf(ctx))
}

func errMinutesRace() error {
	return apperr.Conflict("minutes.conflict", "the minutes changed while you wrote; reload them and retry")
}
