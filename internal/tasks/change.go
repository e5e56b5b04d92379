package tasks

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/internal/proposals"
	"yishi/internal/store"
)

// Change applies in to t in a transaction of its own, reading t's
// proposal there: whether the task may change depends on the proposal's
// status at that moment (Update).
func Change(ctx context.Context, client *ent.Client, t *ent.Task, in Patch, by proposals.Actor) (*ent.Task, error) {
	var out *ent.Task
	err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
		p, err := tx.Proposal.Get(ctx, t.ProposalID)
		if err != nil {
			return fmt.Errorf("load proposal %d of task %d: %w", t.ProposalID, t.ID, err)
		}
		out, err = Update(ctx, tx, p, t, in, by)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
