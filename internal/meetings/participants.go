package meetings

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/ent/participant"
	"yishi/ent/user"
	"yishi/internal/apperr"
	"yishi/internal/notify"
)

// NewParticipant is a person listed at a meeting: a registered user or a
// named guest, with the stakeholder identity they attend as.
type NewParticipant struct {
	UserID     *int
	GuestName  string
	GuestPhone string
	Identity   string
	Attended   bool
}

// TakesParticipants answers 409 meeting.cancelled for a cancelled
// meeting, which lists nobody; callers check it before looking at the
// person to list.
func TakesParticipants(m *ent.Meeting) error {
	if IsCancelled(m) {
		return apperr.Conflict("meeting.cancelled", "a cancelled meeting takes no participants")
	}
	return nil
}

// AddParticipant lists n at m (see TakesParticipants); a user is listed
// once, enforced by the unique index (409 participant.duplicate).
func AddParticipant(ctx context.Context, client *ent.Client, m *ent.Meeting, n NewParticipant) (*ent.Participant, error) {
	if err := TakesParticipants(m); err != nil {
		return nil, err
	}
	// Tenant columns come from the meeting (schema.TenantChildMixin).
	p, err := client.Participant.Create().SetMeetingID(m.ID).
		SetNillableUserID(n.UserID).SetGuestName(n.GuestName).SetGuestPhone(n.GuestPhone).
		SetIdentity(participant.Identity(n.Identity)).SetAttended(n.Attended).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("participant.duplicate", "the user is already a participant of this meeting")
	}
	if err != nil {
		return nil, fmt.Errorf("add participant: %w", err)
	}
	if p.UserID == nil || m.Status != meeting.StatusScheduled {
		return p, nil
	}
	return p, notify.MeetingScheduled(ctx, client, m, []int{*p.UserID}, notify.ActorOf(ctx))
}

// Participants reads up to limit+1 participants of a meeting after id
// after, in the order they were listed.
func Participants(ctx context.Context, client *ent.Client, meetingID, after, limit int) ([]*ent.Participant, error) {
	rows, err := client.Participant.Query().Where(participant.MeetingID(meetingID), participant.IDGT(after)).
		Order(ent.Asc(participant.FieldID)).Limit(limit + 1).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list participants: %w", err)
	}
	return rows, nil
}

// MarkAttendance records whether p attended. A cancelled meeting has no
// attendance (409 meeting.cancelled), so its meeting is read first.
func MarkAttendance(ctx context.Context, client *ent.Client, p *ent.Participant, attended bool) (*ent.Participant, error) {
	m, err := client.Meeting.Get(ctx, p.MeetingID)
	if err != nil {
		return nil, fmt.Errorf("load participant's meeting: %w", err)
	}
	if IsCancelled(m) {
		return nil, apperr.Conflict("meeting.cancelled", "a cancelled meeting has no attendance")
	}
	p, err = client.Participant.UpdateOne(p).SetAttended(attended).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("mark attendance: %w", err)
	}
	return p, nil
}

// ParticipantNames looks up the names of the registered participants
// among rows, keyed by user id; guests carry their own name.
func ParticipantNames(ctx context.Context, client *ent.Client, rows []*ent.Participant) (map[int]string, error) {
	var ids []int
	for _, p := range rows {
		if p.UserID != nil {
			ids = append(ids, *p.UserID)
		}
	}
	out := map[int]string{}
	if len(ids) == 0 {
		return out, nil
	}
	users, err := client.User.Query().Where(user.IDIn(ids...)).Select(user.FieldID, user.FieldName).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read participant names: %w", err)
	}
	for _, u := range users {
		out[u.ID] = u.Name
	}
	return out, nil
}
