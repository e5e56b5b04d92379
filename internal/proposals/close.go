package proposals

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/workflow"
)

// CloseDue closes every proposal that has been completed for longer than
// the feedback window and returns how many it closed: residents had their
// time to give feedback, and a lead who never closes one does not leave it
// open forever. Like LapseDue it goes through Transition, so the timeline
// records the system as actor, and a proposal a lead closed meanwhile is
// skipped by the version check.
func CloseDue(ctx context.Context, client *ent.Client, now time.Time, window time.Duration) (int, error) {
	note := fmt.Sprintf("feedback window of %s ended", windowText(window))
	return transitionDue(ctx, client, workflow.Close, note,
		proposal.StatusEQ(proposal.StatusCompleted), proposal.ResolvedAtLT(now.Add(-window)))
}

// windowText says a window in days when it is whole days (720h → "30
// days"), which is how residents think of it.
func windowText(d time.Duration) string {
	if d >= 24*time.Hour && d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%d days", d/(24*time.Hour))
	}
	return d.String()
}
