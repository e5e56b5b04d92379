package notify

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/notification"
	"yishi/ent/task"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// overdueBatch bounds one run of the overdue job: the oldest overdue
// tasks first, the rest on the next run.
const overdueBatch = 500

// TasksOverdue notifies, once per task and due date, the people who
// carry each overdue task and the staff member who assigned it. It is the
// task_overdue background job (cmd/yishi/jobs.go, every 10 minutes):
// the dedup key (task and due date) makes a rerun, a race between
// instances, or a due date left unchanged notify nobody twice, and a new
// due date that passes in turn notifies again. Each task is written in
// its own transaction with its notifications. It returns how many tasks
// it looked at.
func TasksOverdue(ctx context.Context, client *ent.Client, now time.Time) (int, error) {
	sys := viewer.SystemContext(ctx)
	due, err := client.Task.Query().
		// The statuses of tasks.OverdueAt (which imports this package, so
		// it cannot be called here): done and cancelled tasks are never overdue.
		Where(task.StatusNotIn(task.StatusDone, task.StatusCancelled), task.DueAtLT(now), task.DueAtGT(now.Add(-30*24*time.Hour))).
		Order(ent.Asc(task.FieldDueAt)).Limit(overdueBatch).All(sys)
	if err != nil {
		return 0, fmt.Errorf("list overdue tasks: %w", err)
	}
	done, err := notifiedKeys(sys, client, due)
	if err != nil {
		return 0, err
	}
	for _, t := range due {
		if done[overdueKey(t)] {
			continue
		}
		err := store.WithTx(sys, client, func(tx *ent.Tx) error { return taskOverdue(sys, tx.Client(), t) })
		if err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

// taskOverdue writes one task's overdue notifications.
func taskOverdue(ctx context.Context, client *ent.Client, t *ent.Task) error {
	people, err := taskPeople(ctx, client, t)
	if err != nil {
		return err
	}
	if t.CreatedBy != nil {
		people = append(people, *t.CreatedBy)
	}
	pid := t.ProposalID
	return Send(ctx, client, Batch{Kind: KindTaskOverdue, TenantID: t.TenantID, ProposalID: &pid,
		Title:    fmt.Sprintf("任务「%s」已逾期（截止：%s）", t.Title, when(t.DueAt)),
		Body:     fmt.Sprintf("截止时间：%s，请尽快汇报进展", when(t.DueAt)),
		Data:     map[string]any{"task_id": t.ID, "proposal_id": t.ProposalID, "due_at": t.DueAt.UTC()},
		DedupKey: overdueKey(t)}, people, 0)
}

// overdueKey names one task's lateness against one due date.
func overdueKey(t *ent.Task) string { return fmt.Sprintf("task_overdue:%d:%d", t.ID, t.DueAt.Unix()) }

// notifiedKeys reports which of the tasks' overdue notifications exist
// already (one query), so a run skips them without a transaction each.
func notifiedKeys(ctx context.Context, client *ent.Client, ts []*ent.Task) (map[string]bool, error) {
	keys := make([]string, len(ts))
	for i, t := range ts {
		keys[i] = overdueKey(t)
	}
	out := map[string]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	found, err := client.Notification.Query().Where(notification.DedupKeyIn(keys...)).
		Select(notification.FieldDedupKey).Strings(ctx)
	if err != nil {
		return nil, fmt.Errorf("read overdue notifications: %w", err)
	}
	for _, k := range found {
		out[k] = true
	}
	return out, nil
}
