package tasks

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/predicate"
	"yishi/ent/task"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// daySeconds is one day in seconds.
const daySeconds = 24 * 60 * 60

// IsOverdue reports whether t is past its due date and neither done nor
// cancelled.
func IsOverdue(t *ent.Task, now time.Time) bool {
	return t.Status != task.StatusDone && t.Status != task.StatusCancelled && t.DueAt.Before(now)
}

// OverdueDays says by how many days t is overdue, counting a started day
// as a whole one: an hour late is 1 day, so an overdue task never says 0.
// It counts in whole seconds rather than with now.Sub, which saturates
// about 292 years out and then overflowed into a negative count for a
// due date such as 0001-01-01.
func OverdueDays(t *ent.Task, now time.Time) int {
	if !IsOverdue(t, now) {
		return 0
	}
	secs := now.Unix() - t.DueAt.Unix()
	if now.Nanosecond() > t.DueAt.Nanosecond() {
		secs++ // a started second
	}
	return int((secs + daySeconds - 1) / daySeconds)
}

// OverdueAt selects the tasks IsOverdue at now, for list filters; its
// negation selects the others.
func OverdueAt(now time.Time) predicate.Task {
	return task.And(task.StatusNotIn(task.StatusDone, task.StatusCancelled), task.DueAtLT(now))
}

// AnnounceOverdue stamps overdue_announced_at on every task that became
// overdue by now and was not yet announced; the stamp is what the outbox
// hook turns into a task.overdue webhook event, once per task.
func AnnounceOverdue(ctx context.Context, client *ent.Client, now time.Time) (int, error) {
	sys := viewer.SystemContext(ctx)
	n := 0
	err := store.WithTx(sys, client, func(tx *ent.Tx) error {
		var err error
		n, err = tx.Task.Update().Where(OverdueAt(now), task.OverdueAnnouncedAtIsNil()).SetOverdueAnnouncedAt(now).Save(sys)
		if err != nil {
			return fmt.Errorf("announce overdue tasks: %w", err)
		}
		return nil
	})
	return n, err
}
