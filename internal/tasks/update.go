package tasks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/task"
	"yishi/internal/apperr"
	"yishi/internal/notify"
	"yishi/internal/proposals"
)

// Patch is a lead's change to a task; nil fields stay as they are. Status
// is todo, doing, blocked or cancelled (final: the task no longer counts
// toward progress or completion): done comes only from a 100% progress report,
// so "done" always means someone reported the work finished. Setting
// AssigneeID or OrganizationID reassigns the task and clears the other.
type Patch struct {
	Title, Description         *string
	Status                     *string
	DueAt                      *time.Time
	Weight                     *float64
	AssigneeID, OrganizationID *int
}

// Update applies in to t, which belongs to p, in tx. t's version guards
// against overwriting a concurrent change (409 task.conflict). A
// reassignment, a new due date and a cancellation each leave an entry on
// the proposal's timeline with the before and after (changeEvents).
func Update(ctx context.Context, tx *ent.Tx, p *ent.Proposal, t *ent.Task, in Patch, by proposals.Actor) (*ent.Task, error) {
	if err := requireDelivery(p); err != nil {
		return nil, err
	}
	if t.Status == task.StatusCancelled {
		return nil, apperr.Conflict("task.cancelled", "a cancelled task is not changed; assign a new task instead")
	}
	if in.Status != nil && t.Status == task.StatusDone {
		return nil, apperr.Conflict("task.done",
			"a done task is reopened by a lead's progress report below 100%, not by a status change")
	}
	upd := tx.Task.Update().Where(task.ID(t.ID), task.Version(t.Version)).AddVersion(1)
	if in.Title != nil {
		upd.SetTitle(strings.TrimSpace(*in.Title))
	}
	if in.Description != nil {
		upd.SetDescription(*in.Description)
	}
	if in.Status != nil {
		upd.SetStatus(task.Status(*in.Status))
	}
	if in.DueAt != nil {
		upd.SetDueAt(in.DueAt.UTC())
	}
	if in.Weight != nil {
		upd.SetWeight(*in.Weight)
	}
	if in.AssigneeID != nil {
		upd.SetAssigneeID(*in.AssigneeID).ClearOrganizationID()
	}
	if in.OrganizationID != nil {
		if _, err := CheckOrganization(ctx, tx, p, *in.OrganizationID); err != nil {
			return nil, err
		}
		upd.SetOrganizationID(*in.OrganizationID).ClearAssigneeID()
	}
	out, err := saveTask(ctx, tx, t.ID, upd)
	if err != nil {
		return nil, err
	}
	for _, ev := range changeEvents(t, out) {
		if err := proposals.RecordEvent(ctx, tx, p, by, ev.action, out.Title, ev.detail); err != nil {
			return nil, err
		}
	}
	if in.AssigneeID == nil && in.OrganizationID == nil {
		return out, nil
	}
	return out, notify.TaskAssigned(ctx, tx.Client(), out, notify.ActorOf(ctx))
}

// taskEvent is one timeline entry a task change writes.
type taskEvent struct {
	action string
	detail map[string]any
}

// changeEvents compares a task before and after a change: a new assignee
// or organization is task_reassigned, a new due date task_rescheduled,
// the cancelled status task_cancelled, each with before and after.
func changeEvents(before, after *ent.Task) []taskEvent {
	var out []taskEvent
	ev := func(action string, b, a any) {
		out = append(out, taskEvent{action: action, detail: map[string]any{"task_id": after.ID,
			"task_title": after.Title, "before": b, "after": a}})
	}
	who := func(t *ent.Task) map[string]any {
		return map[string]any{"assignee_id": t.AssigneeID, "organization_id": t.OrganizationID}
	}
	if !sameID(before.AssigneeID, after.AssigneeID) || !sameID(before.OrganizationID, after.OrganizationID) {
		ev("task_reassigned", who(before), who(after))
	}
	if !before.DueAt.Equal(after.DueAt) {
		ev("task_rescheduled", before.DueAt.UTC(), after.DueAt.UTC())
	}
	if after.Status == task.StatusCancelled && before.Status != task.StatusCancelled {
		ev("task_cancelled", string(before.Status), string(after.Status))
	}
	return out
}

func sameID(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// saveTask runs a version-guarded update and reloads the task.
func saveTask(ctx context.Context, tx *ent.Tx, id int, upd *ent.TaskUpdate) (*ent.Task, error) {
	n, err := upd.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("update task %d: %w", id, err)
	}
	if n == 0 {
		return nil, apperr.Conflict("task.conflict", "the task changed while you acted; reload it and retry")
	}
	out, err := tx.Task.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("reload task %d: %w", id, err)
	}
	return out, nil
}
