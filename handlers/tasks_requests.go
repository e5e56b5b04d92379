package handlers

import (
	"strings"
	"time"
	"unicode/utf8"

	"yishi/internal/apperr"
	"yishi/internal/tasks"
)

// createTaskRequest assigns a task: to a person (assignee_id) or to an
// organization such as the property company (organization_id), exactly
// one of the two.
type createTaskRequest struct {
	Title          string     `json:"title" example:"楼道转角安装折叠椅" maxLength:"200"`
	Description    string     `json:"description,omitempty" maxLength:"5000"`
	AssigneeID     *int       `json:"assignee_id,omitempty" example:"12"`
	OrganizationID *int       `json:"organization_id,omitempty" example:"3"`
	DueAt          *time.Time `json:"due_at" example:"2025-06-30T10:00:00Z"`
	Weight         *float64   `json:"weight,omitempty" example:"2" minimum:"0.01" maximum:"1000"`
	// Quantity counts the work (300); progress reports then report
	// delivered batches and the percent follows them.
	Quantity *int `json:"quantity,omitempty" example:"300" minimum:"1" maximum:"100000000"`
	// QuantityUnit is the measure word of the quantity (把, 米, 户).
	QuantityUnit string `json:"quantity_unit,omitempty" example:"把" maxLength:"20"`
}

func (r *createTaskRequest) validate() []apperr.FieldError {
	out := checkTaskText(&r.Title, &r.Description)
	if r.Quantity != nil && (*r.Quantity < 1 || *r.Quantity > 100000000) {
		out = append(out, apperr.FieldError{Field: "quantity", Message: "must be a whole number from 1 to 100000000"})
	}
	if utf8.RuneCountInString(r.QuantityUnit) > 20 || (r.QuantityUnit != "" && r.Quantity == nil) {
		out = append(out, apperr.FieldError{Field: "quantity_unit", Message: "is at most 20 characters and needs a quantity"})
	}
	out = append(out, checkTaskAssignment(r.AssigneeID, r.OrganizationID, true)...)
	if r.DueAt == nil {
		out = append(out, apperr.FieldError{Field: "due_at", Message: "is required (RFC 3339)"})
	}
	out = append(out, checkTaskDue(r.DueAt)...)
	return append(out, checkTaskWeight(r.Weight)...)
}

// checkTaskDue keeps due dates within ten years either way: a task may be
// recorded late, but year 0001 or 9999 is a typo, and it would make the
// overdue arithmetic meaningless.
func checkTaskDue(due *time.Time) []apperr.FieldError {
	if due == nil {
		return nil
	}
	now := time.Now()
	if due.Before(now.AddDate(-10, 0, 0)) || due.After(now.AddDate(10, 0, 0)) {
		return []apperr.FieldError{{Field: "due_at", Message: "must be within ten years of today"}}
	}
	return nil
}

func (r *createTaskRequest) newTask() tasks.NewTask {
	in := tasks.NewTask{Title: r.Title, Description: r.Description, AssigneeID: r.AssigneeID,
		OrganizationID: r.OrganizationID, DueAt: *r.DueAt, Quantity: r.Quantity, QuantityUnit: strings.TrimSpace(r.QuantityUnit)}
	if r.Weight != nil {
		in.Weight = *r.Weight
	}
	return in
}

// checkTaskText checks a title (required when given) and description.
func checkTaskText(title, description *string) []apperr.FieldError {
	var out []apperr.FieldError
	if title != nil {
		if n := utf8.RuneCountInString(strings.TrimSpace(*title)); n < 1 || n > 200 {
			out = append(out, apperr.FieldError{Field: "title", Message: "must be 1 to 200 characters"})
		}
	}
	if description != nil && utf8.RuneCountInString(*description) > 5000 {
		out = append(out, apperr.FieldError{Field: "description", Message: "must be at most 5000 characters"})
	}
	return out
}

// checkTaskAssignment: exactly one of a person or an organization (at
// most one when required is false, for a PATCH that may leave both).
func checkTaskAssignment(assignee, org *int, required bool) []apperr.FieldError {
	both := func(msg string) []apperr.FieldError {
		return []apperr.FieldError{{Field: "assignee_id", Message: msg}, {Field: "organization_id", Message: msg}}
	}
	switch {
	case assignee != nil && org != nil:
		return both("give exactly one of assignee_id or organization_id, not both")
	case required && assignee == nil && org == nil:
		return both("give exactly one of assignee_id (a person) or organization_id (e.g. the property company)")
	case assignee != nil && *assignee <= 0:
		return []apperr.FieldError{{Field: "assignee_id", Message: "must be a user id"}}
	case org != nil && *org <= 0:
		return []apperr.FieldError{{Field: "organization_id", Message: "must be an organization id"}}
	}
	return nil
}

func checkTaskWeight(w *float64) []apperr.FieldError {
	if w != nil && (*w <= 0 || *w > 1000) {
		return []apperr.FieldError{{Field: "weight", Message: "must be above 0 and at most 1000"}}
	}
	return nil
}
