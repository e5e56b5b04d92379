package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/meetings"
)

// meetingActionList lists the buttons of a meeting's detail: each names the
// route that performs it and the status internal/meetings accepts it in.
// Preconditions beyond the meeting row (a draft to approve, a free
// agenda slot) are left to the route's 409.
func meetingActionList(m *ent.Meeting, now time.Time) []action {
	scheduled := func() bool { return meetings.IsScheduled(m) }
	notCancelled := func() bool { return !meetings.IsCancelled(m) }
	return []action{
		{Name: "update", Route: "PATCH /v1/meetings/:id", Ready: scheduled},
		{Name: meetings.Held, Route: "POST /v1/meetings/:id/:action", Action: meetings.Held,
			Ready: func() bool { return scheduled() && meetings.HasStarted(m, now) }},
		{Name: meetings.Cancel, Route: "POST /v1/meetings/:id/:action", Action: meetings.Cancel, Ready: scheduled},
		{Name: "add_participant", Route: "POST /v1/meetings/:id/participants", Ready: notCancelled},
		{Name: "put_minutes", Route: "PUT /v1/meetings/:id/minutes", Ready: notCancelled},
		{Name: "approve_minutes", Route: "POST /v1/meetings/:id/minutes/approve",
			Ready: func() bool { return meetings.IsHeld(m) }},
	}
}

// minutesActionList are the buttons of one version of the minutes: the
// draft (always the latest version) is approved once the meeting is held,
// and any version is corrected by writing the next draft unless the
// meeting was cancelled.
func minutesActionList(m *ent.Meeting, row *ent.Minutes) []action {
	return []action{
		{Name: "update", Route: "PUT /v1/meetings/:id/minutes",
			Ready: func() bool { return !meetings.IsCancelled(m) }},
		{Name: "approve", Route: "POST /v1/meetings/:id/minutes/approve",
			Ready: func() bool { return meetings.IsHeld(m) && meetings.IsDraftMinutes(row) }},
	}
}
