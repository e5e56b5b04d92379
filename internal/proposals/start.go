package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/task"
	"yishi/internal/apperr"
)

// startChange refuses to start delivery with nobody responsible for it:
// an approved proposal needs at least one task (分配职责) before it is
// implementing. It counts inside the transition's transaction, so the
// check and the status change see the same tasks. TransitionTx has
// already checked the status (approved).
func startChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal) (change, error) {
	n, err := tx.Task.Query().Where(task.ProposalID(p.ID)).Count(ctx)
	if err != nil {
		return change{}, fmt.Errorf("start: count tasks: %w", err)
	}
	if n == 0 {
		return change{}, apperr.Conflict("proposal.no_tasks",
			"assign at least one task (POST /v1/proposals/{id}/tasks) before starting delivery")
	}
	return change{detail: map[string]any{"tasks": n}}, nil
}
