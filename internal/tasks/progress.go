package tasks

import (
	"math"
	"time"

	"yishi/ent"
	"yishi/ent/task"
)

// Summary is where a proposal's delivery stands, for residents following
// it and the secretary answering for it.
type Summary struct {
	Progress float64 // weighted mean of the tasks' percent, one decimal
	Tasks    int
	Done     int
	Overdue  int
}

// Summarize computes the Summary of one proposal's tasks at now. Progress
// weighs each task's percent by its weight, so a big job counts more than
// a small one; no tasks means no progress.
func Summarize(ts []*ent.Task, now time.Time) Summary {
	var s Summary
	var sum, weights float64
	for _, t := range ts {
		if t.Status == task.StatusCancelled {
			continue // cancelled work is neither progress nor owed
		}
		s.Tasks++
		sum += t.Weight * float64(t.Percent)
		weights += t.Weight
		if t.Status == task.StatusDone {
			s.Done++
		}
		if IsOverdue(t, now) {
			s.Overdue++
		}
	}
	if weights > 0 {
		s.Progress = math.Round(sum/weights*10) / 10
	}
	return s
}
