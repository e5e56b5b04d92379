package handlers

import (
	"time"

	"yishi/ent"
	"yishi/internal/tasks"
)

// taskResponse is a task as clients see it. overdue and overdue_days are
// computed at the time of the answer.
type taskResponse struct {
	ID             int       `json:"id"`
	ProposalID     int       `json:"proposal_id"`
	UnitID         int       `json:"unit_id"`
	Title          string    `json:"title" example:"楼道转角安装折叠椅"`
	Description    string    `json:"description,omitempty"`
	AssigneeID     *int      `json:"assignee_id" example:"12"`
	OrganizationID *int      `json:"organization_id" example:"3"`
	DueAt          time.Time `json:"due_at"`
	Weight         float64   `json:"weight" example:"2"`
	Status         string    `json:"status" enums:"todo,doing,done,blocked,cancelled"`
	Percent        int       `json:"percent" example:"30"`
	// Quantity and QuantityUnit count the work (300 把); Delivered is
	// the total the progress reports delivered. Null and absent when the
	// task is not counted.
	Quantity     *int       `json:"quantity" example:"300"`
	QuantityUnit string     `json:"quantity_unit,omitempty" example:"把"`
	Delivered    *int       `json:"delivered" example:"100"`
	DoneAt       *time.Time `json:"done_at"`
	Overdue      bool       `json:"overdue"`
	OverdueDays  int        `json:"overdue_days" example:"3"`
	CreatedBy    *int       `json:"created_by"`
	Version      int        `json:"version"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
	// AllowedActions are what the caller may do to the task now, decided
	// by the rules of the routes that do them: "update" (PATCH
	// /v1/tasks/{id}) and "report" (POST /v1/tasks/{id}/reports). A listed
	// action does not answer 403; it may still answer 409 when the
	// proposal has left delivery.
	AllowedActions []string `json:"allowed_actions" example:"report"`
}

// proposalTasksResponse is a proposal's tasks with where its delivery
// stands; the summary covers every task, not only this page.
type proposalTasksResponse struct {
	Items      []taskResponse `json:"items"`
	NextCursor string         `json:"next_cursor"`
	Progress   float64        `json:"progress" example:"65"`
	Total      int            `json:"total" example:"2"`
	Done       int            `json:"done" example:"1"`
	Overdue    int            `json:"overdue" example:"0"`
}

// taskConverter turns tasks into responses as of one instant, so a page
// reports overdue days consistently; taskResponder adds allowed_actions.
func taskConverter(now time.Time) func(*ent.Task) taskResponse {
	return func(t *ent.Task) taskResponse {
		return taskResponse{
			ID: t.ID, ProposalID: t.ProposalID, UnitID: t.UnitID, Title: t.Title, Description: t.Description,
			AssigneeID: t.AssigneeID, OrganizationID: t.OrganizationID, DueAt: t.DueAt.UTC(), Weight: t.Weight,
			Status: string(t.Status), Percent: t.Percent, DoneAt: utcPtr(t.DoneAt),
			Quantity: t.Quantity, QuantityUnit: t.QuantityUnit, Delivered: deliveredOf(t),
			Overdue: tasks.IsOverdue(t, now), OverdueDays: tasks.OverdueDays(t, now), CreatedBy: t.CreatedBy,
			Version: t.Version, CreatedAt: t.CreatedAt.UTC(), UpdatedAt: t.UpdatedAt.UTC(),
		}
	}
}

// progressReportResponse is one progress report.
type progressReportResponse struct {
	ID         int `json:"id"`
	TaskID     int `json:"task_id"`
	ProposalID int `json:"proposal_id"`
	Percent    int `json:"percent" example:"100"`
	// Delivered is the batch this report delivered (counted tasks).
	Delivered *int   `json:"delivered,omitempty" example:"100"`
	Note      string `json:"note" example:"300把折叠椅安装完毕"`
	AuthorID  *int   `json:"author_id"`
	// AttachmentIDs are the proposal's files this report cites; download
	// them at /v1/attachments/{id}/content.
	AttachmentIDs []int     `json:"attachment_ids"`
	CreatedAt     time.Time `json:"created_at"`
}

// createdReportResponse is a new report with the task it moved.
type createdReportResponse struct {
	progressReportResponse
	Task taskResponse `json:"task"`
}

func newProgressReportResponse(r *ent.ProgressReport) progressReportResponse {
	return progressReportResponse{ID: r.ID, TaskID: r.TaskID, ProposalID: r.ProposalID, Percent: r.Percent, Delivered: r.Delivered,
		Note: r.Note, AuthorID: r.AuthorID, AttachmentIDs: nonNilInts(r.AttachmentIds), CreatedAt: r.CreatedAt.UTC()}
}

// deliveredOf is t's delivered total when t is counted, else nil.
func deliveredOf(t *ent.Task) *int {
	if t.Quantity == nil {
		return nil
	}
	d := t.Delivered
	return &d
}

// nonNilInts keeps JSON arrays from turning into null.
func nonNilInts(v []int) []int {
	if v == nil {
		return []int{}
	}
	return v
}
