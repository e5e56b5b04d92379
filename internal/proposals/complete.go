package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/task"
	"yishi/internal/apperr"
)

// completeChange refuses to call a proposal delivered while work on it is
// still open: every task must be done (a 100% progress report) or
// cancelled. A new
// task or a progress report bumps the proposal's version in its own
// transaction, so neither can slip in between this count and the status
// change: one of the two transactions gets 409. TransitionTx has already
// checked the status (implementing).
func completeChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal) (change, error) {
	total, err := tx.Task.Query().Where(task.ProposalID(p.ID)).Count(ctx)
	if err != nil {
		return change{}, fmt.Errorf("complete: count tasks: %w", err)
	}
	open, err := tx.Task.Query().Where(task.ProposalID(p.ID), task.StatusNotIn(task.StatusDone, task.StatusCancelled)).Count(ctx)
	if err != nil {
		return change{}, fmt.Errorf("complete: count open tasks: %w", err)
	}
	if open > 0 {
		return change{}, apperr.Conflict("proposal.tasks_open",
			fmt.Sprintf("%d of %d tasks are not done yet; each is done at a 100%% progress report", open, total))
	}
	return change{detail: map[string]any{"tasks": total}}, nil
}
