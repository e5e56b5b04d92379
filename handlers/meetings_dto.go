package handlers

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"yishi/internal/apperr"
	"yishi/internal/meetings"
)

// maxAgendaProposals bounds one request's agenda; a real meeting takes a
// handful of proposals, and each one is a transition.
const maxAgendaProposals = 50

// createMeetingRequest schedules a meeting at the unit in the URL, or a
// recurring series when recurrence is set. recurrence is an RFC 5545
// RRULE subset: FREQ=DAILY|WEEKLY|MONTHLY, optional INTERVAL, and COUNT or
// UNTIL, at most 52 occurrences; weekday and time come from starts_at
// (e.g. every Tuesday at 19:00 for 8 weeks: "FREQ=WEEKLY;COUNT=8"). Each
// occurrence is its own meeting sharing series_id. proposal_ids become the
// agenda of a single meeting; a series takes agenda items per occurrence.
type createMeetingRequest struct {
	Title       string     `json:"title" example:"转角爱心椅议事会" maxLength:"200"`
	Format      string     `json:"format" enums:"deliberation,tuesday_talk,face_to_face,hearing,report_meeting" example:"deliberation"`
	VenueID     *int       `json:"venue_id,omitempty" example:"3"`
	StartsAt    time.Time  `json:"starts_at" example:"2026-03-03T19:00:00+08:00"`
	EndsAt      *time.Time `json:"ends_at,omitempty" example:"2026-03-03T21:00:00+08:00"`
	ProposalIDs []int      `json:"proposal_ids,omitempty" example:"12"`
	Recurrence  string     `json:"recurrence,omitempty" example:"FREQ=WEEKLY;COUNT=8" maxLength:"200"`
	rule        *meetings.Rule
}

func (r *createMeetingRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Title)); n < 1 || n > 200 {
		add("title", "must be 1 to 200 characters")
	}
	if !slices.Contains(meetings.Formats(), r.Format) {
		add("format", "must be one of "+strings.Join(meetings.Formats(), ", "))
	}
	out = append(out, checkMeetingTimes(&r.StartsAt, r.EndsAt, true)...)
	if r.VenueID != nil && *r.VenueID <= 0 {
		add("venue_id", "must be a venue id")
	}
	out = append(out, checkProposalIDs(r.ProposalIDs)...)
	if r.Recurrence != "" && !r.StartsAt.IsZero() {
		rule, err := meetings.ParseRule(r.Recurrence)
		if err == nil {
			_, err = rule.Expand(r.StartsAt)
		}
		if err != nil {
			add("recurrence", err.Error())
		}
		r.rule = &rule
		if len(r.ProposalIDs) > 0 {
			add("proposal_ids", "a series takes agenda items per occurrence: POST /v1/meetings/{id}/agenda")
		}
	}
	return out
}

// checkMeetingTimes requires starts_at (when required) and an end after
// the start; both are kept to the second.
func checkMeetingTimes(starts *time.Time, ends *time.Time, required bool) []apperr.FieldError {
	var out []apperr.FieldError
	if starts.IsZero() && required {
		out = append(out, apperr.FieldError{Field: "starts_at", Message: "is required (RFC 3339)"})
	}
	*starts = starts.Truncate(time.Second)
	if ends != nil {
		*ends = ends.Truncate(time.Second)
		if !starts.IsZero() && !ends.After(*starts) {
			out = append(out, apperr.FieldError{Field: "ends_at", Message: "must be after starts_at"})
		}
	}
	return out
}

func checkProposalIDs(ids []int) []apperr.FieldError {
	if len(ids) > maxAgendaProposals {
		return []apperr.FieldError{{Field: "proposal_ids", Message: fmt.Sprintf("must list at most %d proposals", maxAgendaProposals)}}
	}
	for i, id := range ids {
		if id <= 0 || slices.Index(ids, id) != i {
			return []apperr.FieldError{{Field: "proposal_ids", Message: fmt.Sprintf("has a bad or repeated id %d", id)}}
		}
	}
	return nil
}

// updateMeetingRequest renames or reschedules one scheduled meeting (one
// occurrence of a series); absent fields keep their value, venue_id 0
// clears the venue.
type updateMeetingRequest struct {
	Title    *string    `json:"title,omitempty" maxLength:"200"`
	VenueID  *int       `json:"venue_id,omitempty" example:"3"`
	StartsAt *time.Time `json:"starts_at,omitempty"`
	EndsAt   *time.Time `json:"ends_at,omitempty"`
}

func (r *updateMeetingRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Title != nil {
		if n := utf8.RuneCountInString(strings.TrimSpace(*r.Title)); n < 1 || n > 200 {
			out = append(out, apperr.FieldError{Field: "title", Message: "must be 1 to 200 characters"})
		}
	}
	if r.VenueID != nil && *r.VenueID < 0 {
		out = append(out, apperr.FieldError{Field: "venue_id", Message: "must be a venue id, or 0 to clear it"})
	}
	var starts time.Time
	if r.StartsAt != nil {
		starts = *r.StartsAt
	}
	out = append(out, checkMeetingTimes(&starts, r.EndsAt, false)...)
	if r.StartsAt != nil {
		r.StartsAt = &starts
	}
	return out
}
