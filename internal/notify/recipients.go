package notify

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
	"yishi/ent/cosignature"
	"yishi/ent/proposalfollow"
)

// Relation is why a person hears about a proposal; it picks the wording
// ("你的提案", "你联名的提案", "你关注的提案").
type Relation string

// The relations, strongest first: a co-signer who also follows is told
// once, as a co-signer.
const (
	Author   Relation = "author"
	Cosigner Relation = "cosigner"
	Follower Relation = "follower"
)

// recipients maps every person attached to p to their strongest relation.
// ctx must be a system context: co-signers and followers are read whoever
// caused the event.
func recipients(ctx context.Context, tx *ent.Tx, p *ent.Proposal) (map[int]Relation, error) {
	out := map[int]Relation{}
	followers, err := tx.ProposalFollow.Query().Where(proposalfollow.ProposalID(p.ID)).
		Select(proposalfollow.FieldUserID).Ints(ctx)
	if err != nil {
		return nil, fmt.Errorf("list followers: %w", err)
	}
	for _, uid := range followers {
		out[uid] = Follower
	}
	signers, err := tx.Cosignature.Query().Where(cosignature.ProposalID(p.ID)).
		Select(cosignature.FieldUserID).Ints(ctx)
	if err != nil {
		return nil, fmt.Errorf("list co-signers: %w", err)
	}
	for _, uid := range signers {
		out[uid] = Cosigner
	}
	if p.AuthorID != nil {
		out[*p.AuthorID] = Author
	}
	return out, nil
}

// sortedIDs gives a stable insert order, so concurrent writers touch the
// unique index in the same order.
func sortedIDs(m map[int]Relation) []int {
	ids := make([]int, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
