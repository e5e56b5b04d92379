package handlers

import (
	"strings"
	"unicode/utf8"

	"yishi/internal/apperr"
)

// createTaskReportRequest is one progress report.
type createTaskReportRequest struct {
	// Percent is required unless delivered is given on a counted task;
	// then it is computed from the delivered total (and must agree if sent).
	Percent *int `json:"percent,omitempty" example:"100" minimum:"0" maximum:"100"`
	// Delivered is the quantity this report delivers (a batch: 100 of
	// the 300 chairs), on a task with a quantity.
	Delivered *int   `json:"delivered,omitempty" example:"100" minimum:"0"`
	Note      string `json:"note" example:"300把折叠椅安装完毕" maxLength:"5000"`
	// AttachmentIDs cite files uploaded to the task's proposal with
	// POST /v1/proposals/{id}/attachments (photos, receipts).
	AttachmentIDs []int `json:"attachment_ids,omitempty" example:"7,8"`
}

func (r *createTaskReportRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Delivered != nil && (*r.Delivered < 0 || *r.Delivered > 100000000) {
		out = append(out, apperr.FieldError{Field: "delivered", Message: "must be a whole number from 0 to 100000000"})
	}
	if (r.Percent == nil && r.Delivered == nil) || (r.Percent != nil && (*r.Percent < 0 || *r.Percent > 100)) {
		out = append(out, apperr.FieldError{Field: "percent", Message: "must be an integer from 0 to 100"})
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Note)); n < 1 || n > 5000 {
		out = append(out, apperr.FieldError{Field: "note", Message: "must be 1 to 5000 characters: say what was done"})
	}
	if len(r.AttachmentIDs) > 20 {
		out = append(out, apperr.FieldError{Field: "attachment_ids", Message: "at most 20 files per report"})
	}
	return out
}
