package handlers

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/meetings"
	"yishi/internal/phone"
)

// createParticipantRequest lists one person at a meeting: a registered
// user (user_id) or a named guest (guest_name, optional guest_phone), with
// the stakeholder identity they attend as. attended marks a walk-in.
type createParticipantRequest struct {
	UserID     *int   `json:"user_id,omitempty" example:"7"`
	GuestName  string `json:"guest_name,omitempty" example:"物业王经理" maxLength:"100"`
	GuestPhone string `json:"guest_phone,omitempty" example:"13812341234"`
	Identity   string `json:"identity" enums:"party_member,resident_rep,building_head,org_leader,merchant,property_rep,grid_worker,volunteer,resident" example:"property_rep"`
	Attended   bool   `json:"attended,omitempty"`
}

func (r *createParticipantRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	name := strings.TrimSpace(r.GuestName)
	switch {
	case r.UserID != nil && (name != "" || r.GuestPhone != ""):
		add("user_id", "give user_id or guest_name, not both")
	case r.UserID != nil && *r.UserID <= 0:
		add("user_id", "must be a user id")
	case r.UserID == nil && name == "":
		add("guest_name", "is required for a guest (or give user_id)")
	}
	if utf8.RuneCountInString(name) > 100 {
		add("guest_name", "must be at most 100 characters")
	}
	if r.GuestPhone != "" && !phone.Valid(r.GuestPhone) {
		add("guest_phone", "must be an 11-digit mainland mobile number")
	}
	if !slices.Contains(meetings.Identities(), r.Identity) {
		add("identity", "must be one of "+strings.Join(meetings.Identities(), ", "))
	}
	return out
}

// updateParticipantRequest marks attendance.
type updateParticipantRequest struct {
	Attended *bool `json:"attended" example:"true"`
}

func (r *updateParticipantRequest) validate() []apperr.FieldError {
	if r.Attended == nil {
		return []apperr.FieldError{{Field: "attended", Message: "is required"}}
	}
	return nil
}

// participantResponse is one participant. Guests' phone numbers are
// masked (138****1234) for everyone but the meeting's staff, and other
// people's names are masked for residents, as on proposals.
type participantResponse struct {
	ID        int       `json:"id" example:"31"`
	MeetingID int       `json:"meeting_id" example:"21"`
	UserID    *int      `json:"user_id" example:"7"`
	Guest     bool      `json:"guest"`
	Name      string    `json:"name" example:"物业王经理"`
	Phone     string    `json:"phone,omitempty" example:"138****1234"`
	Identity  string    `json:"identity" example:"property_rep"`
	Attended  bool      `json:"attended"`
	CreatedAt time.Time `json:"created_at"`
}

// newParticipantResponse shows p; names holds registered users' names,
// staff says whether the reader runs the meeting, self is the reader's id.
func newParticipantResponse(p *ent.Participant, names map[int]string, staff bool, self int) participantResponse {
	out := participantResponse{ID: p.ID, MeetingID: p.MeetingID, UserID: p.UserID, Guest: p.UserID == nil,
		Name: p.GuestName, Phone: p.GuestPhone, Identity: string(p.Identity), Attended: p.Attended,
		CreatedAt: p.CreatedAt.UTC()}
	if p.UserID != nil {
		out.Name = names[*p.UserID]
	}
	if staff || (p.UserID != nil && *p.UserID == self) {
		return out
	}
	out.Name = maskName(out.Name)
	if out.Phone != "" {
		out.Phone = maskPhone(out.Phone)
	}
	return out
}
