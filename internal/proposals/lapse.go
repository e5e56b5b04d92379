package proposals

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
	"yishi/internal/workflow"
)

// systemActor is the timeline actor of background jobs.
func systemActor() Actor { return Actor{Subject: "system", Name: "system"} }

// LapseDue moves every joint proposal still collecting after its deadline
// to lapsed and returns how many it moved. A proposal that changed
// meanwhile (say, its last co-signature arrived) is skipped: the version
// check makes the job safe to race with requests and with itself.
func LapseDue(ctx context.Context, client *ent.Client, now time.Time) (int, error) {
	sys := viewer.SystemContext(ctx)
	due, err := client.Proposal.Query().Where(proposal.StatusEQ(proposal.StatusCollecting),
		proposal.CosignDeadlineLT(now)).Limit(500).All(sys)
	if err != nil {
		return 0, fmt.Errorf("lapse: list due: %w", err)
	}
	n := 0
	for _, p := range due {
		_, err := Transition(sys, client, p, workflow.Lapse, TransitionInput{Note: "co-signature deadline passed"}, systemActor())
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindConflict {
			continue
		}
		if err != nil {
			return n, fmt.Errorf("lapse proposal %d: %w", p.ID, err)
		}
		n++
	}
	return n, nil
}
