package stats

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/units"
)

// load reads the subtree's facts. Proposals belong to the subtree by
// where they were filed (origin_path), so escalating one does not move it
// out of its community's figures; drafts are not yet proposals and are
// left out. Co-signatures and feedback belong to their proposal; meeting
// attendance and votes to the unit of the meeting or vote.
func load(ctx context.Context, client *ent.Client, path string) (facts, error) {
	rows, err := client.Proposal.Query().
		Where(proposal.OriginPathHasPrefix(path), proposal.StatusNEQ(proposal.StatusDraft)).
		Select(proposal.FieldID, proposal.FieldCreatedAt, proposal.FieldStatus, proposal.FieldCategoryCode,
			proposal.FieldChannel, proposal.FieldKind, proposal.FieldOriginPath, proposal.FieldAuthorID,
			proposal.FieldSubmittedAt, proposal.FieldResolvedAt).All(ctx)
	if err != nil {
		return facts{}, fmt.Errorf("stats: proposals: %w", err)
	}
	var f facts
	ids := make(map[int]string, len(rows))
	for _, p := range rows {
		ids[p.ID] = p.OriginPath
		f.proposals = append(f.proposals, proposalFact{created: p.CreatedAt, path: p.OriginPath, status: string(p.Status),
			category: p.CategoryCode, channel: string(p.Channel), kind: string(p.Kind), level: levelOf(p.OriginPath),
			author: p.AuthorID, submitted: p.SubmittedAt, resolvedTime: p.ResolvedAt})
	}
	// Rows hanging off a proposal carry its community, not its origin:
	// read the community (a superset) and keep the subtree's proposals.
	community := units.CommunityPath(path)
	if err := f.loadCosignatures(ctx, client, community, ids); err != nil {
		return facts{}, err
	}
	if err := f.loadFeedback(ctx, client, community, ids); err != nil {
		return facts{}, err
	}
	if err := f.loadAttendance(ctx, client, path); err != nil {
		return facts{}, err
	}
	return f, f.loadVotes(ctx, client, path)
}
