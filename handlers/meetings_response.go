package handlers

import (
	"fmt"
	"time"

	"yishi/ent"
	"yishi/internal/meetings"
)

// meetingResponse is a meeting as lists show it.
type meetingResponse struct {
	ID         int        `json:"id" example:"21"`
	UnitID     int        `json:"unit_id" example:"12"`
	UnitPath   string     `json:"unit_path" example:"s1/c12/"`
	Title      string     `json:"title" example:"转角爱心椅议事会"`
	Format     string     `json:"format" enums:"deliberation,tuesday_talk,face_to_face,hearing,report_meeting"`
	Status     string     `json:"status" enums:"scheduled,held,cancelled"`
	VenueID    *int       `json:"venue_id" example:"3"`
	StartsAt   time.Time  `json:"starts_at"`
	EndsAt     *time.Time `json:"ends_at"`
	ConvenerID *int       `json:"convener_id" example:"5"`
	SeriesID   *int       `json:"series_id" example:"21"`
	Recurrence string     `json:"recurrence,omitempty" example:"FREQ=WEEKLY;INTERVAL=1;COUNT=8"`
	Version    int        `json:"version" example:"1"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// meetingDetailResponse is one meeting with its venue, agenda and
// attendance; on creation it also lists the series' occurrences.
// allowed_actions names what the caller may do to it now (update, held,
// cancel, add_participant, put_minutes, approve_minutes), decided by the
// routes' own rules and the meeting's status; a listed action never
// answers 403 but may answer 409 for a precondition the list cannot see.
type meetingDetailResponse struct {
	meetingResponse
	Venue          *venueResponse       `json:"venue"`
	Agenda         []agendaItemResponse `json:"agenda"`
	Participants   attendanceResponse   `json:"participants"`
	Occurrences    []meetingOccurrence  `json:"occurrences,omitempty"`
	AllowedActions []string             `json:"allowed_actions" example:"update,add_participant,put_minutes"`
}

// meetingOccurrence is one meeting of a series created together.
type meetingOccurrence struct {
	ID       int       `json:"id" example:"22"`
	StartsAt time.Time `json:"starts_at"`
}

// agendaItemResponse is one agenda item; proposal_status is shown when
// the caller can see the proposal.
type agendaItemResponse struct {
	ID             int       `json:"id" example:"4"`
	MeetingID      int       `json:"meeting_id" example:"21"`
	ProposalID     *int      `json:"proposal_id" example:"12"`
	ProposalStatus string    `json:"proposal_status,omitempty" example:"deliberating"`
	Title          string    `json:"title" example:"转角遇到爱心椅"`
	Position       int       `json:"position" example:"1"`
	CreatedAt      time.Time `json:"created_at"`
}

// attendanceResponse counts participants: everyone listed (invited) and
// those marked attended, in total and per stakeholder identity.
type attendanceResponse struct {
	Invited    int                  `json:"invited" example:"6"`
	Attended   int                  `json:"attended" example:"5"`
	ByIdentity []identityAttendance `json:"by_identity"`
}

// identityAttendance is one stakeholder identity's count.
type identityAttendance struct {
	Identity string `json:"identity" example:"building_head"`
	Invited  int    `json:"invited" example:"2"`
	Attended int    `json:"attended" example:"2"`
}

func newMeetingResponse(m *ent.Meeting) meetingResponse {
	return meetingResponse{ID: m.ID, UnitID: m.UnitID, UnitPath: m.UnitPath, Title: m.Title,
		Format: string(m.Format), Status: string(m.Status), VenueID: m.VenueID, StartsAt: m.StartsAt.UTC(),
		EndsAt: utcPtr(m.EndsAt), ConvenerID: m.ConvenerID, SeriesID: m.SeriesID, Recurrence: m.Recurrence,
		Version: m.Version, CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()}
}

func newAgendaItemResponse(it *ent.AgendaItem, status string) agendaItemResponse {
	return agendaItemResponse{ID: it.ID, MeetingID: it.MeetingID, ProposalID: it.ProposalID, ProposalStatus: status,
		Title: it.Title, Position: it.Position, CreatedAt: it.CreatedAt.UTC()}
}

func newAttendanceResponse(a meetings.Attendance) attendanceResponse {
	out := attendanceResponse{Invited: a.Invited, Attended: a.Attended, ByIdentity: []identityAttendance{}}
	for _, ia := range a.ByIdentity {
		out.ByIdentity = append(out.ByIdentity, identityAttendance{Identity: ia.Identity, Invited: ia.Invited, Attended: ia.Attended})
	}
	return out
}

func meetingETag(m *ent.Meeting) string { return fmt.Sprintf(`W/"%d"`, m.Version) }
