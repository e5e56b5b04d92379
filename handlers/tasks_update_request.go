package handlers

import (
	"slices"
	"time"

	"yishi/internal/apperr"
	"yishi/internal/tasks"
)

// taskStatuses a lead may set; done comes from a 100% progress report.
func taskStatuses() []string { return []string{"todo", "doing", "blocked", "cancelled"} }

// updateTaskRequest changes a task; omitted fields stay as they are.
type updateTaskRequest struct {
	Title          *string    `json:"title,omitempty" maxLength:"200"`
	Description    *string    `json:"description,omitempty" maxLength:"5000"`
	Status         *string    `json:"status,omitempty" enums:"todo,doing,blocked,cancelled"`
	DueAt          *time.Time `json:"due_at,omitempty"`
	Weight         *float64   `json:"weight,omitempty" minimum:"0.01" maximum:"1000"`
	AssigneeID     *int       `json:"assignee_id,omitempty"`
	OrganizationID *int       `json:"organization_id,omitempty"`
}

func (r *updateTaskRequest) validate() []apperr.FieldError {
	if *r == (updateTaskRequest{}) {
		return []apperr.FieldError{{Field: "body", Message: "must change at least one field"}}
	}
	out := checkTaskText(r.Title, r.Description)
	out = append(out, checkTaskAssignment(r.AssigneeID, r.OrganizationID, false)...)
	if r.Status != nil && !slices.Contains(taskStatuses(), *r.Status) {
		out = append(out, apperr.FieldError{Field: "status",
			Message: "must be todo, doing, blocked or cancelled; a task is done at a 100% progress report"})
	}
	out = append(out, checkTaskDue(r.DueAt)...)
	return append(out, checkTaskWeight(r.Weight)...)
}

func (r *updateTaskRequest) patch() tasks.Patch {
	return tasks.Patch{Title: r.Title, Description: r.Description, Status: r.Status, DueAt: r.DueAt,
		Weight: r.Weight, AssigneeID: r.AssigneeID, OrganizationID: r.OrganizationID}
}
