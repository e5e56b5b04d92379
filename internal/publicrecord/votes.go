package publicrecord

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/vote"
	"yishi/internal/voting"
)

// Vote is a closed vote's published result: counts only, never a ballot
// or a voter.
type Vote struct {
	ID         int
	Title      string
	ProposalID *int
	ClosedAt   *time.Time
	Weighting  string
	Eligible   int
	Ballots    int
	Options    []VoteOption
}

// VoteOption is one option's count and weight.
type VoteOption struct {
	Label  string
	Count  int
	Weight float64
}

// Votes lists the tenant's closed votes with their results, newest first,
// below the id before when it is positive. ctx must be Reader's.
func Votes(ctx context.Context, client *ent.Client, tenant *ent.Unit, before, limit int) ([]Vote, error) {
	q := client.Vote.Query().Where(vote.UnitPathHasPrefix(tenant.Path), vote.StatusEQ(vote.StatusClosed))
	if before > 0 {
		q.Where(vote.IDLT(before))
	}
	rows, err := q.Order(ent.Desc(vote.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("public record: votes: %w", err)
	}
	opts, err := voting.OptionsOf(ctx, client, rows)
	if err != nil {
		return nil, err
	}
	out := make([]Vote, 0, len(rows))
	for _, v := range rows {
		ids := make([]int, 0, len(opts[v.ID]))
		for _, o := range opts[v.ID] {
			ids = append(ids, o.ID)
		}
		roll, tally, err := voting.CountVote(ctx, client, v, ids)
		if err != nil {
			return nil, err
		}
		item := Vote{ID: v.ID, Title: v.Title, ProposalID: v.ProposalID, ClosedAt: v.ClosedAt,
			Weighting: string(v.Weighting), Eligible: roll.Count, Ballots: tally.Ballots}
		for _, o := range opts[v.ID] {
			t := tally.Options[o.ID]
			item.Options = append(item.Options, VoteOption{Label: o.Label, Count: t.Count, Weight: voting.Float(t.Weight)})
		}
		out = append(out, item)
	}
	return out, nil
}
