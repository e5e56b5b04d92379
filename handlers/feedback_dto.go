package handlers

import (
	"strings"
	"time"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/apperr"
)

// createFeedbackRequest is one person's verdict on a completed proposal.
// A satisfaction of 2 or less, or new_need, opens a follow-up draft.
type createFeedbackRequest struct {
	Satisfaction int    `json:"satisfaction" minimum:"1" maximum:"5" example:"2"`
	Comment      string `json:"comment,omitempty" maxLength:"5000" example:"椅子装了，但三楼转角还没有"`
	NewNeed      bool   `json:"new_need,omitempty"`
}

func (r *createFeedbackRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Satisfaction < 1 || r.Satisfaction > 5 {
		out = append(out, apperr.FieldError{Field: "satisfaction", Message: "must be an integer from 1 to 5"})
	}
	if utf8.RuneCountInString(strings.TrimSpace(r.Comment)) > 5000 {
		out = append(out, apperr.FieldError{Field: "comment", Message: "must be at most 5000 characters"})
	}
	return out
}

// feedbackResponse is one feedback; follow_up_id names the draft it
// opened, if any.
type feedbackResponse struct {
	ID           int       `json:"id"`
	ProposalID   int       `json:"proposal_id"`
	UserID       int       `json:"user_id"`
	Satisfaction int       `json:"satisfaction" example:"2"`
	Comment      string    `json:"comment,omitempty"`
	NewNeed      bool      `json:"new_need"`
	FollowUpID   *int      `json:"follow_up_id"`
	CreatedAt    time.Time `json:"created_at"`
}

// feedbackPage is one page of a proposal's feedback, oldest first, with
// the count and average over all of it (not just the page).
type feedbackPage struct {
	Items      []feedbackResponse `json:"items"`
	NextCursor string             `json:"next_cursor"`
	Count      int                `json:"count" example:"12"`
	Average    *float64           `json:"average" example:"4.25"`
}

func newFeedbackResponse(f *ent.Feedback) feedbackResponse {
	return feedbackResponse{ID: f.ID, ProposalID: f.ProposalID, UserID: f.UserID, Satisfaction: f.Satisfaction,
		Comment: f.Comment, NewNeed: f.NewNeed, FollowUpID: f.FollowUpID, CreatedAt: f.CreatedAt.UTC()}
}
