package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/proposalevent"
)

// Events lists p's timeline oldest first, after the id after, at most
// limit rows: what residents see as the proposal's history.
func Events(ctx context.Context, client *ent.Client, p *ent.Proposal, after, limit int) ([]*ent.ProposalEvent, error) {
	rows, err := client.ProposalEvent.Query().
		Where(proposalevent.ProposalID(p.ID), proposalevent.IDGT(after)).
		Order(ent.Asc(proposalevent.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list events of proposal %d: %w", p.ID, err)
	}
	return rows, nil
}
