package tasks_test

import (
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/task"
	"yishi/internal/tasks"
)

func TestSummarizeWeighsPercents(t *testing.T) {
	now := time.Now()
	ts := []*ent.Task{
		{Weight: 3, Percent: 30, Status: task.StatusDoing, DueAt: now.Add(time.Hour)},
		{Weight: 1, Percent: 100, Status: task.StatusDone, DueAt: now.Add(-time.Hour)},
		{Weight: 2, Percent: 0, Status: task.StatusTodo, DueAt: now.Add(-time.Minute)},
	}
	got := tasks.Summarize(ts, now)
	want := tasks.Summary{Progress: 31.7, Tasks: 3, Done: 1, Overdue: 1} // (90+100+0)/6
	if got != want {
		t.Fatalf("Summarize = %+v, want %+v", got, want)
	}
	if empty := tasks.Summarize(nil, now); empty != (tasks.Summary{}) {
		t.Fatalf("no tasks = %+v", empty)
	}
}

func TestOverdueDaysCountsStartedDays(t *testing.T) {
	now := time.Date(2025, 6, 10, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		late   time.Duration
		status task.Status
		want   int
	}{
		{-time.Hour, task.StatusDoing, 0},
		{0, task.StatusDoing, 0},
		{time.Minute, task.StatusTodo, 1},
		{24 * time.Hour, task.StatusBlocked, 1},
		{24*time.Hour + time.Second, task.StatusDoing, 2},
		{50 * time.Hour, task.StatusDoing, 3},
		{50 * time.Hour, task.StatusDone, 0},
		{24*time.Hour - time.Nanosecond, task.StatusDoing, 1},
	} {
		tk := &ent.Task{DueAt: now.Add(-c.late), Status: c.status}
		if got := tasks.OverdueDays(tk, now); got != c.want {
			t.Errorf("%s late, %s: %d days, want %d", c.late, c.status, got, c.want)
		}
		if tasks.IsOverdue(tk, now) != (c.want > 0) {
			t.Errorf("%s late, %s: IsOverdue disagrees", c.late, c.status)
		}
	}
}

// A due date centuries back (0001-01-01 passes JSON decoding) once made
// now.Sub saturate and the count overflow to -106750.
func TestOverdueDaysFarInThePast(t *testing.T) {
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	tk := &ent.Task{DueAt: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), Status: task.StatusTodo}
	want := int(now.Unix()-tk.DueAt.Unix())/86400 + 1
	if got := tasks.OverdueDays(tk, now); got != want {
		t.Fatalf("OverdueDays = %d, want %d", got, want)
	}
}
