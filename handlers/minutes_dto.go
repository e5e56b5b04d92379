package handlers

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"yishi/ent"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
	"yishi/internal/meetings"
)

// putMinutesRequest is the text and the structured decisions of a
// meeting's minutes. Each decision is about one agenda item of this
// meeting; the proposal it concerns comes from the agenda.
type putMinutesRequest struct {
	Text      string                   `json:"text" example:"议定在3栋、5栋楼道转角安装折叠椅，款式与名称另行投票。" maxLength:"50000"`
	Decisions []minutesDecisionRequest `json:"decisions"`
}

// minutesDecisionRequest is one decision: what the meeting decided about
// one agenda item.
type minutesDecisionRequest struct {
	AgendaItemID int    `json:"agenda_item_id" example:"4"`
	Outcome      string `json:"outcome" enums:"approved,declined,deferred,noted" example:"approved"`
	Text         string `json:"text" example:"同意安装折叠椅" maxLength:"2000"`
}

func (r *putMinutesRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	add := func(f, m string) { out = append(out, apperr.FieldError{Field: f, Message: m}) }
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Text)); n < 1 || n > 50000 {
		add("text", "must be 1 to 50000 characters")
	}
	if len(r.Decisions) > 100 {
		add("decisions", "must hold at most 100 decisions")
	}
	for i, d := range r.Decisions {
		if d.AgendaItemID <= 0 {
			add(fmt.Sprintf("decisions[%d].agenda_item_id", i), "must be an agenda item id")
		}
		if !slices.Contains(meetings.Outcomes(), d.Outcome) {
			add(fmt.Sprintf("decisions[%d].outcome", i), "must be approved, declined, deferred or noted")
		}
		if n := utf8.RuneCountInString(strings.TrimSpace(d.Text)); n < 1 || n > 2000 {
			add(fmt.Sprintf("decisions[%d].text", i), "must be 1 to 2000 characters")
		}
	}
	return out
}

// draft converts the request for internal/meetings.
func (r *putMinutesRequest) draft(writer *int) meetings.Draft {
	d := meetings.Draft{Text: strings.TrimSpace(r.Text), WriterID: writer}
	for _, x := range r.Decisions {
		d.Decisions = append(d.Decisions, schematype.MinutesDecision{AgendaItemID: x.AgendaItemID,
			Outcome: x.Outcome, Text: strings.TrimSpace(x.Text)})
	}
	return d
}

// minutesResponse is one version of a meeting's minutes. An approved
// version is locked; a correction is a new version. allowed_actions names
// what the caller may do now: update (PUT the next draft) and approve
// (lock the draft once the meeting is held); 409 preconditions such as a
// concurrent edit are not reflected.
type minutesResponse struct {
	ID         int                          `json:"id" example:"9"`
	MeetingID  int                          `json:"meeting_id" example:"21"`
	Version    int                          `json:"version" example:"1"`
	Status     string                       `json:"status" enums:"draft,approved"`
	Text       string                       `json:"text"`
	Decisions  []schematype.MinutesDecision `json:"decisions"`
	WrittenBy  *int                         `json:"written_by" example:"5"`
	ApprovedBy *int                         `json:"approved_by" example:"5"`
	ApprovedAt *time.Time                   `json:"approved_at"`
	CreatedAt  time.Time                    `json:"created_at"`
	UpdatedAt  time.Time                    `json:"updated_at"`
	// AllowedActions is filled by the handler from the caller's rights.
	AllowedActions []string `json:"allowed_actions" example:"update,approve"`
}

func newMinutesResponse(m *ent.Minutes) minutesResponse {
	out := minutesResponse{ID: m.ID, MeetingID: m.MeetingID, Version: m.Version, Status: string(m.Status),
		Text: m.Text, Decisions: m.Decisions, WrittenBy: m.WrittenBy, ApprovedBy: m.ApprovedBy,
		ApprovedAt: utcPtr(m.ApprovedAt), CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()}
	if out.Decisions == nil {
		out.Decisions = []schematype.MinutesDecision{}
	}
	return out
}
