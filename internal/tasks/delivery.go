package tasks

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
)

// deliveryStatuses are the proposal statuses in which its tasks are
// assigned, changed and reported on.
func deliveryStatuses() []proposal.Status {
	return []proposal.Status{proposal.StatusApproved, proposal.StatusImplementing}
}

// holdDelivery checks, in tx, that the proposal is approved or
// implementing, and bumps its version. The bump is what keeps the
// complete transition honest: a task created or reopened concurrently
// either waits for complete and then finds the proposal completed (409
// here), or commits first and makes complete's version check fail. A
// report also changes the proposal's progress, so a new ETag is right.
func holdDelivery(ctx context.Context, tx *ent.Tx, proposalID int) error {
	n, err := tx.Proposal.Update().Where(proposal.ID(proposalID), proposal.StatusIn(deliveryStatuses()...)).
		AddVersion(1).Save(ctx)
	if err != nil {
		return fmt.Errorf("hold proposal %d: %w", proposalID, err)
	}
	if n == 0 {
		return notInDelivery()
	}
	return nil
}

// requireDelivery is the read-only check, for changes that cannot affect
// whether the proposal may complete.
func requireDelivery(p *ent.Proposal) error {
	for _, s := range deliveryStatuses() {
		if p.Status == s {
			return nil
		}
	}
	return notInDelivery()
}

func notInDelivery() error {
	return apperr.Conflict("proposal.not_in_delivery",
		"tasks are assigned, changed and reported on while the proposal is approved or implementing")
}
