package meetings

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/ent/venue"
	"yishi/internal/apperr"
	"yishi/internal/notify"
)

// Status actions clients name in POST /v1/meetings/{id}/{action}.
const (
	Held   = "held"
	Cancel = "cancel"
)

// NextStatus returns the status action leads to: a scheduled meeting is
// held (once it has started) or cancelled; held and cancelled are final,
// so minutes and attendance always refer to a settled meeting.
func NextStatus(m *ent.Meeting, action string, now time.Time) (meeting.Status, error) {
	if action != Held && action != Cancel {
		return "", apperr.NotFound("action")
	}
	if m.Status != meeting.StatusScheduled {
		return "", apperr.Conflict("meeting.invalid_transition",
			fmt.Sprintf("cannot mark a %s meeting %s", m.Status, action))
	}
	if action == Cancel {
		return meeting.StatusCancelled, nil
	}
	if m.StartsAt.After(now) {
		return "", apperr.Conflict("meeting.not_started", "a meeting is marked held once it has started")
	}
	return meeting.StatusHeld, nil
}

// SetStatus applies action to m in tx, guarded by m's version so of two
// concurrent changes exactly one applies.
func SetStatus(ctx context.Context, tx *ent.Tx, m *ent.Meeting, action string, now time.Time) (*ent.Meeting, error) {
	next, err := NextStatus(m, action, now)
	if err != nil {
		return nil, err
	}
	out, err := saveVersioned(ctx, tx, m, func(u *ent.MeetingUpdate) { u.SetStatus(next) })
	if err != nil || next != meeting.StatusCancelled {
		return out, err
	}
	return out, notify.MeetingCancelled(ctx, tx.Client(), out, notify.ActorOf(ctx))
}

// saveVersioned updates m when nobody changed it since it was read.
func saveVersioned(ctx context.Context, tx *ent.Tx, m *ent.Meeting, set func(*ent.MeetingUpdate)) (*ent.Meeting, error) {
	u := tx.Meeting.Update().Where(meeting.ID(m.ID), meeting.Version(m.Version)).AddVersion(1)
	set(u)
	n, err := u.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("update meeting %d: %w", m.ID, err)
	}
	if n == 0 {
		return nil, apperr.Conflict("meeting.conflict", "the meeting changed while you acted; reload it and retry")
	}
	out, err := tx.Meeting.Get(ctx, m.ID)
	if err != nil {
		return nil, fmt.Errorf("reload meeting %d: %w", m.ID, err)
	}
	return out, nil
}

// checkVenue: a venue, when named, must be an active venue of the tenant
// that the caller can see; anything else is a field error.
func checkVenue(ctx context.Context, tx *ent.Tx, tenantID int, id *int, field string) error {
	if id == nil {
		return nil
	}
	ok, err := tx.Venue.Query().Where(venue.ID(*id), venue.TenantID(tenantID),
		venue.StatusEQ(venue.StatusActive)).Exist(ctx)
	if err != nil {
		return fmt.Errorf("check venue: %w", err)
	}
	if !ok {
		return apperr.Invalid(apperr.FieldError{Field: field, Message: "names no active venue you can see"})
	}
	return nil
}
