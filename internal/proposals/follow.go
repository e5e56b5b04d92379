package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/proposalfollow"
)

// Follow makes userID a follower of p, who then hears of its every
// change. Following twice is harmless: created is false and the existing
// follow is returned.
func Follow(ctx context.Context, client *ent.Client, p *ent.Proposal, userID int) (f *ent.ProposalFollow, created bool, err error) {
	f, err = client.ProposalFollow.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).
		SetUnitPath(p.UnitPath).SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetUserID(userID).Save(ctx)
	if err == nil {
		return f, true, nil
	}
	if !ent.IsConstraintError(err) {
		return nil, false, fmt.Errorf("follow proposal %d: %w", p.ID, err)
	}
	f, err = client.ProposalFollow.Query().
		Where(proposalfollow.ProposalID(p.ID), proposalfollow.UserID(userID)).Only(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("read follow of proposal %d: %w", p.ID, err)
	}
	return f, false, nil
}

// Unfollow stops userID following p; it is idempotent, as clients retry.
func Unfollow(ctx context.Context, client *ent.Client, p *ent.Proposal, userID int) error {
	_, err := client.ProposalFollow.Delete().
		Where(proposalfollow.ProposalID(p.ID), proposalfollow.UserID(userID)).Exec(ctx)
	if err != nil {
		return fmt.Errorf("unfollow proposal %d: %w", p.ID, err)
	}
	return nil
}
