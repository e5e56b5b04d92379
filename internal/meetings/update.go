package meetings

import (
	"context"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/internal/apperr"
	"yishi/internal/notify"
)

// Change reschedules or renames a meeting; nil fields keep their value, a
// VenueID of 0 clears the venue, and a new start without a new end keeps
// the meeting's length.
type Change struct {
	Title    *string
	VenueID  *int
	StartsAt *time.Time
	EndsAt   *time.Time
}

// Update applies ch to a scheduled meeting in tx, guarded by its version.
// Only this occurrence changes: a series is a set of independent rows, so
// moving one Tuesday talk for a holiday leaves the others alone.
func Update(ctx context.Context, tx *ent.Tx, m *ent.Meeting, ch Change) (*ent.Meeting, error) {
	if m.Status != meeting.StatusScheduled {
		return nil, apperr.Conflict("meeting.not_scheduled", "a "+string(m.Status)+" meeting can no longer change")
	}
	starts, ends := m.StartsAt, m.EndsAt
	if ch.StartsAt != nil {
		starts = ch.StartsAt.UTC()
		if ends != nil && ch.EndsAt == nil { // moving a meeting keeps its length
			e := starts.Add(ends.Sub(m.StartsAt))
			ends = &e
		}
	}
	if ch.EndsAt != nil {
		e := ch.EndsAt.UTC()
		ends = &e
	}
	if ends != nil && !ends.After(starts) {
		return nil, apperr.Invalid(apperr.FieldError{Field: "ends_at", Message: "must be after starts_at"})
	}
	if ends != nil && !Representable(*ends) { // keeping the length can carry it past 9999
		return nil, apperr.Invalid(apperr.FieldError{Field: "ends_at", Message: "must be in the years 0001 to 9999 (UTC)"})
	}
	if ch.VenueID != nil && *ch.VenueID != 0 {
		if err := checkVenue(ctx, tx, m.TenantID, ch.VenueID, "venue_id"); err != nil {
			return nil, err
		}
	}
	out, err := saveVersioned(ctx, tx, m, func(u *ent.MeetingUpdate) {
		if ch.Title != nil {
			u.SetTitle(strings.TrimSpace(*ch.Title))
		}
		switch {
		case ch.VenueID == nil:
		case *ch.VenueID == 0:
			u.ClearVenueID()
		default:
			u.SetVenueID(*ch.VenueID)
		}
		u.SetStartsAt(starts)
		if ends != nil {
			u.SetEndsAt(*ends)
		}
	})
	if err != nil || !moved(m, out) {
		return out, err
	}
	return out, notify.MeetingMoved(ctx, tx.Client(), out, notify.ActorOf(ctx))
}

// moved reports whether an update changed when or where a meeting is:
// what its participants must hear about.
func moved(before, after *ent.Meeting) bool {
	sameVenue := (before.VenueID == nil) == (after.VenueID == nil) &&
		(before.VenueID == nil || *before.VenueID == *after.VenueID)
	return !before.StartsAt.Equal(after.StartsAt) || !sameVenue
}
