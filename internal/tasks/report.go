package tasks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/task"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
)

// NewReport is one progress report (定期汇报) on a task. Correct is set
// when a lead in scope reports: only a lead may lower the percent, to
// correct an over-optimistic report or reopen a done task.
type NewReport struct {
	Percent  int
	Note     string
	AuthorID *int
	Correct  bool
	// AttachmentIDs are files on the task's proposal (photos of the
	// installed chairs, say) that the report cites; the caller checks them.
	AttachmentIDs []int
	// Delivered is the batch this report delivers on a counted task (100
	// of 300 chairs); the task's percent then follows its delivered
	// total. PercentOmitted lets the percent be computed; otherwise a
	// given percent must agree with it.
	Delivered      *int
	PercentOmitted bool
}

// counted applies a report's delivered batch to t: the new delivered
// total and the percent it makes (floor of total/quantity; 100 only once
// everything is delivered).
func counted(t *ent.Task, in NewReport) (percent, delivered int, err error) {
	if in.Delivered == nil {
		return in.Percent, t.Delivered, nil
	}
	if t.Quantity == nil {
		return 0, 0, apperr.Invalid(apperr.FieldError{Field: "delivered", Message: "the task has no quantity; report a percent"})
	}
	total := t.Delivered + *in.Delivered
	if total > *t.Quantity {
		return 0, 0, apperr.Invalid(apperr.FieldError{Field: "delivered",
			Message: fmt.Sprintf("brings the total to %d, over the task's quantity %d (%d delivered so far)", total, *t.Quantity, t.Delivered)})
	}
	percent = int(int64(total) * 100 / int64(*t.Quantity))
	if !in.PercentOmitted && in.Percent != percent {
		return 0, 0, apperr.Invalid(apperr.FieldError{Field: "percent",
			Message: fmt.Sprintf("must be %d (%d of %d delivered) or omitted", percent, total, *t.Quantity)})
	}
	return percent, total, nil
}

// Report records in on t in one transaction: the task's new percent and
// status (100% is done, with done_at), the report row, and a
// progress_report entry on the proposal's timeline, which is how the
// report reaches the proposal's followers.
func Report(ctx context.Context, tx *ent.Tx, t *ent.Task, in NewReport, by proposals.Actor, now time.Time) (*ent.ProgressReport, *ent.Task, error) {
	if t.Status == task.StatusCancelled {
		return nil, nil, apperr.Conflict("task.cancelled", "the task was cancelled; nothing is reported on it")
	}
	var delivered int
	var err error
	if in.Percent, delivered, err = counted(t, in); err != nil {
		return nil, nil, err
	}
	if in.Percent < t.Percent && !in.Correct {
		return nil, nil, apperr.Conflict("task.percent_below_current",
			fmt.Sprintf("the task is at %d%%; only a lead lowers the percent", t.Percent))
	}
	status := nextStatus(t, in.Percent)
	upd := tx.Task.Update().Where(task.ID(t.ID), task.Version(t.Version)).AddVersion(1).
		SetPercent(in.Percent).SetStatus(status).SetDelivered(delivered)
	switch {
	case status == task.StatusDone && t.DoneAt == nil:
		upd.SetDoneAt(now.UTC())
	case status != task.StatusDone:
		upd.ClearDoneAt()
	}
	out, err := saveTask(ctx, tx, t.ID, upd)
	if err != nil {
		return nil, nil, err
	}
	if err := holdDelivery(ctx, tx, t.ProposalID); err != nil {
		return nil, nil, err
	}
	r, err := tx.ProgressReport.Create().SetTaskID(t.ID).SetProposalID(t.ProposalID).SetPercent(in.Percent).
		SetNote(strings.TrimSpace(in.Note)).SetNillableAuthorID(in.AuthorID).SetAttachmentIds(in.AttachmentIDs).
		SetNillableDelivered(in.Delivered).Save(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("create progress report: %w", err)
	}
	p, err := tx.Proposal.Get(ctx, t.ProposalID)
	if err != nil {
		return nil, nil, fmt.Errorf("load proposal %d: %w", t.ProposalID, err)
	}
	detail := map[string]any{"task_id": t.ID, "task_title": t.Title, "report_id": r.ID,
		"percent": in.Percent, "previous_percent": t.Percent, "task_status": string(status),
		"attachment_ids": in.AttachmentIDs}
	if in.Delivered != nil {
		detail["delivered"], detail["delivered_total"], detail["quantity"] = *in.Delivered, delivered, *t.Quantity
		detail["quantity_unit"] = t.QuantityUnit
	}
	if err := proposals.RecordEvent(ctx, tx, p, by, "progress_report", r.Note, detail); err != nil {
		return nil, nil, err
	}
	return r, out, nil
}

// nextStatus: 100% is done; a blocked task stays blocked until a lead
// unblocks it; otherwise reported work is in progress (a lead's
// correction below 100% reopens a done task).
func nextStatus(t *ent.Task, percent int) task.Status {
	switch {
	case percent == 100:
		return task.StatusDone
	case t.Status == task.StatusBlocked:
		return task.StatusBlocked
	}
	return task.StatusDoing
}
