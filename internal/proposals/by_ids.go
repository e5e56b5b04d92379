package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/proposal"
)

// ByIDs returns those of the proposals ids that the caller in ctx sees
// (privacy filters the rest), keyed by id: what an inbox page needs to
// decide, per proposal, whether its reader sees personal data.
func ByIDs(ctx context.Context, client *ent.Client, ids []int) (map[int]*ent.Proposal, error) {
	out := map[int]*ent.Proposal{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := client.Proposal.Query().Where(proposal.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read proposals by id: %w", err)
	}
	for _, p := range rows {
		out[p.ID] = p
	}
	return out, nil
}
