package voting

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/ballot"
	"yishi/ent/eligiblevoter"
	"yishi/ent/vote"
	"yishi/ent/voteoption"
)

// The reads of the votes API, made as the caller: ent privacy keeps them
// inside what the caller may see.

// Options lists a vote's options in ballot order, the order voters saw.
func Options(ctx context.Context, client *ent.Client, voteID int) ([]*ent.VoteOption, error) {
	opts, err := client.VoteOption.Query().Where(voteoption.VoteID(voteID)).
		Order(ent.Asc(voteoption.FieldPosition)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read vote options: %w", err)
	}
	return opts, nil
}

// OptionsOf loads the options of a page of votes in one query, keyed by
// vote id, so a list costs two queries whatever its length.
func OptionsOf(ctx context.Context, client *ent.Client, votes []*ent.Vote) (map[int][]*ent.VoteOption, error) {
	ids := make([]int, 0, len(votes))
	for _, v := range votes {
		ids = append(ids, v.ID)
	}
	opts, err := client.VoteOption.Query().Where(voteoption.VoteIDIn(ids...)).
		Order(ent.Asc(voteoption.FieldVoteID), ent.Asc(voteoption.FieldPosition)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read vote options: %w", err)
	}
	out := map[int][]*ent.VoteOption{}
	for _, o := range opts {
		out[o.VoteID] = append(out[o.VoteID], o)
	}
	return out, nil
}

// ListQuery selects a page of the votes of a unit's subtree, newest
// first: Before is the id the previous page ended at (0 for the first).
type ListQuery struct {
	UnitPath string
	Status   string
	Before   int
	Limit    int
}

// List reads one page of votes (Limit rows, plus one to tell whether more
// follow).
func List(ctx context.Context, client *ent.Client, q ListQuery) ([]*ent.Vote, error) {
	query := client.Vote.Query().Where(vote.UnitPathHasPrefix(q.UnitPath))
	if q.Status != "" {
		query.Where(vote.StatusEQ(vote.Status(q.Status)))
	}
	if q.Before > 0 {
		query.Where(vote.IDLT(q.Before))
	}
	rows, err := query.Order(ent.Desc(vote.FieldID)).Limit(q.Limit + 1).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list votes: %w", err)
	}
	return rows, nil
}

// ValidStatus reports whether s names a vote status, for list filters.
func ValidStatus(s string) bool { return vote.StatusValidator(vote.Status(s)) == nil }

// PublishedBallots reads up to limit+1 ballots of voteID after the token
// after, in token order: random tokens say nothing about who voted when.
func PublishedBallots(ctx context.Context, client *ent.Client, voteID int, after string, limit int) ([]*ent.Ballot, error) {
	rows, err := client.Ballot.Query().Where(ballot.VoteID(voteID), ballot.TokenGT(after)).
		Order(ent.Asc(ballot.FieldToken)).Limit(limit + 1).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list ballots: %w", err)
	}
	return rows, nil
}

// BallotByReceipt finds the ballot a receipt code was issued for, by the
// code's hash (the code itself is never stored), and reads its token
// only: a receipt check must have no choice to leak. Not found is ent's.
func BallotByReceipt(ctx context.Context, client *ent.Client, voteID int, code string) (*ent.Ballot, error) {
	b, err := client.Ballot.Query().Where(ballot.VoteID(voteID), ballot.ReceiptHash(HashReceipt(code))).
		Select(ballot.FieldToken).Only(ctx)
	if err != nil {
		return nil, fmt.Errorf("find ballot by receipt: %w", err)
	}
	return b, nil
}

// CountVote totals v's frozen roll and tallies its stored ballots, so the
// results are always recounted from what anyone can download.
func CountVote(ctx context.Context, client *ent.Client, v *ent.Vote, options []int) (Roll, Tally, error) {
	roll, err := client.EligibleVoter.Query().Where(eligiblevoter.VoteID(v.ID)).
		Select(eligiblevoter.FieldWeight, eligiblevoter.FieldFloorArea).All(ctx)
	if err != nil {
		return Roll{}, Tally{}, fmt.Errorf("read roll: %w", err)
	}
	voters := make([]Voter, 0, len(roll))
	for _, r := range roll {
		voters = append(voters, Voter{Weight: r.Weight, FloorArea: r.FloorArea})
	}
	rows, err := client.Ballot.Query().Where(ballot.VoteID(v.ID)).
		Select(ballot.FieldOptionIds, ballot.FieldWeight, ballot.FieldFloorArea).All(ctx)
	if err != nil {
		return Roll{}, Tally{}, fmt.Errorf("read ballots: %w", err)
	}
	ballots := make([]Ballot, 0, len(rows))
	for _, b := range rows {
		ballots = append(ballots, Ballot{OptionIDs: b.OptionIds, Weight: b.Weight, FloorArea: b.FloorArea})
	}
	return Totals(voters), Count(options, ballots), nil
}
