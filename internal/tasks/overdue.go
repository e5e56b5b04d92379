package tasks

import (
	"time"

	"yishi/ent"
	"yishi/ent/predicate"
	"yishi/ent/task"
)

const day = 24 * time.Hour

// IsOverdue reports whether t is past its due date and not done.
func IsOverdue(t *ent.Task, now time.Time) bool {
	return t.Status != task.StatusDone && t.DueAt.Before(now)
}

// OverdueDays says by how many days t is overdue, counting a started day
// as a whole one: an hour late is 1 day, so an overdue task never says 0.
func OverdueDays(t *ent.Task, now time.Time) int {
	if !IsOverdue(t, now) {
		return 0
	}
	return int((now.Sub(t.DueAt) + day - 1) / day)
}

// OverdueAt selects the tasks IsOverdue at now, for list filters; its
// negation selects the others.
func OverdueAt(now time.Time) predicate.Task {
	return task.And(task.StatusNEQ(task.StatusDone), task.DueAtLT(now))
}
