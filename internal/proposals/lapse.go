package proposals

import (
	"context"
	"time"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/workflow"
)

// LapseDue moves every joint proposal still collecting after its deadline
// to lapsed and returns how many it moved. A proposal that changed
// meanwhile (say, its last co-signature arrived) is skipped.
func LapseDue(ctx context.Context, client *ent.Client, now time.Time) (int, error) {
	return transitionDue(ctx, client, workflow.Lapse, "co-signature deadline passed",
		proposal.StatusEQ(proposal.StatusCollecting), proposal.CosignDeadlineLT(now))
}
