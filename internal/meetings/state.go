package meetings

import (
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/ent/minutes"
)

// ReportMeeting is the format that reports on proposals instead of
// deliberating them: its agenda moves no proposal.
const ReportMeeting = "report_meeting"

// IsScheduled reports whether m can still change: rename, reschedule,
// agenda, held or cancel.
func IsScheduled(m *ent.Meeting) bool { return m.Status == meeting.StatusScheduled }

// IsHeld reports whether m took place, the condition for approving its
// minutes.
func IsHeld(m *ent.Meeting) bool { return m.Status == meeting.StatusHeld }

// IsCancelled reports whether m was called off: it takes no participants,
// attendance or minutes.
func IsCancelled(m *ent.Meeting) bool { return m.Status == meeting.StatusCancelled }

// HasStarted reports whether m's start time has passed at now, after which
// it may be marked held.
func HasStarted(m *ent.Meeting, now time.Time) bool { return !m.StartsAt.After(now) }

// IsDraftMinutes reports whether row is the editable draft; approved
// versions are locked.
func IsDraftMinutes(row *ent.Minutes) bool { return row.Status == minutes.StatusDraft }

// ValidStatus reports whether s names a meeting status, for list filters.
func ValidStatus(s string) bool { return meeting.StatusValidator(meeting.Status(s)) == nil }
