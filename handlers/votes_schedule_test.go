package handlers_test

import (
	"context"
	"testing"
	"time"

	"yishi/internal/voting"
)

// TestVoteScheduleOpensAndCloses: the scheduler opens a vote at opens_at
// and closes it at closes_at, unless the lead was first.
func TestVoteScheduleOpensAndCloses(t *testing.T) {
	w := newWorld(t)
	w.member("居民", w.A1g1)
	now := time.Now().UTC()
	window := map[string]any{"opens_at": now.Add(time.Hour).Format(time.RFC3339),
		"closes_at": now.Add(2 * time.Hour).Format(time.RFC3339)}
	sched, _ := w.createVote(w.A1, voteBody("定时", []string{"甲", "乙"}, window))
	early, _ := w.createVote(w.A1, voteBody("提前", []string{"甲", "乙"}, window))
	w.openVote(early) // the lead opens before opens_at
	ctx := context.Background()
	run := func(at time.Time, want int) {
		t.Helper()
		n, err := voting.RunSchedule(ctx, w.st.Client, at, w.deps.Policy)
		if err != nil || n != want {
			t.Fatalf("RunSchedule(%v) = %d, %v; want %d", at.Sub(now).Round(time.Minute), n, err, want)
		}
	}
	run(now, 0)
	run(now.Add(90*time.Minute), 1) // opens sched; early is already open
	got := w.do("GET", voteURL(sched, ""), w.leadA1.Token, nil).want(200).obj()
	if got["status"] != "open" || got["eligible_count"].(float64) != 1 {
		t.Fatalf("scheduled open = %v", got)
	}
	w.closeVote(early)           // the lead closes early
	run(now.Add(3*time.Hour), 1) // closes sched only
	run(now.Add(4*time.Hour), 0)
	if st := w.do("GET", voteURL(sched, ""), w.leadA1.Token, nil).want(200).obj()["status"]; st != "closed" {
		t.Fatalf("scheduled close: %v", st)
	}
}
