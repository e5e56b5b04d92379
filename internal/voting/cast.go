package voting

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/schema"
	"yishi/ent/vote"
	"yishi/internal/apperr"
)

// CastInput is one ballot to store: who votes (the roll key, and the user
// casting it for the VoteParticipation row), what they chose and the
// weight the roll gives them.
type CastInput struct {
	Vote      *ent.Vote
	VoterKey  string
	CastBy    *int
	OptionIDs []int
	Weight    float64
	FloorArea float64
	Now       time.Time
	// LockVote share-locks the vote row (PostgreSQL): a concurrent Close
	// waits for this ballot, and this ballot sees a committed close.
	// SQLite transactions are already serialised.
	LockVote bool
}

// Cast stores a ballot in tx. One ballot per voter is the unique index on
// VoteParticipation(vote_id, voter_key): the participation row is
// inserted first and a duplicate is 409 vote.already_voted, with no read
// beforehand to race. The ballot row of an anonymous vote has no voter.
func Cast(ctx context.Context, tx *ent.Tx, in CastInput) (*ent.Ballot, Secrets, error) {
	v := in.Vote
	q := tx.Vote.Query().Where(vote.ID(v.ID), vote.StatusEQ(vote.StatusOpen))
	if in.LockVote {
		q = q.ForShare()
	}
	cur, err := q.Select(vote.FieldStatus, vote.FieldClosesAt, vote.FieldTenantID, vote.FieldUnitID,
		vote.FieldUnitPath, vote.FieldCommunityPath).Only(ctx)
	if ent.IsNotFound(err) || (err == nil && !InWindow(cur, in.Now)) {
		return nil, Secrets{}, NotOpen()
	}
	if err != nil {
		return nil, Secrets{}, fmt.Errorf("cast: read vote %d: %w", v.ID, err)
	}
	// The rows below copy the vote's tenancy (TenantChildMixin) from cur,
	// read in this tx, instead of reading the vote twice more.
	ctx = schema.WithParents(ctx, cur)
	err = tx.VoteParticipation.Create().SetVoteID(v.ID).SetVoterKey(in.VoterKey).SetNillableCastBy(in.CastBy).
		SetCreatedAt(in.Now).Exec(ctx)
	if ent.IsConstraintError(err) {
		return nil, Secrets{}, apperr.Conflict("vote.already_voted", "a ballot has already been cast for this voter")
	}
	if err != nil {
		return nil, Secrets{}, fmt.Errorf("cast: participation: %w", err)
	}
	sec, err := NewSecrets()
	if err != nil {
		return nil, Secrets{}, err
	}
	b := tx.Ballot.Create().SetVoteID(v.ID).SetToken(sec.Token).SetReceiptHash(sec.ReceiptHash).
		SetOptionIds(in.OptionIDs).SetWeight(in.Weight).SetFloorArea(BallotFloorArea(v, in.FloorArea))
	if !v.Anonymous {
		b.SetVoterKey(in.VoterKey)
	}
	ballot, err := b.Save(ctx)
	if err != nil {
		return nil, Secrets{}, fmt.Errorf("cast: ballot: %w", err)
	}
	return ballot, sec, nil
}

// NotOpen is the 409 for a ballot outside the vote's window.
func NotOpen() error { return apperr.Conflict("vote.not_open", "the vote is not open for ballots") }

// InWindow reports whether v takes ballots at now: open, and its closing
// time (if any) not yet reached even if the scheduler has not run.
func InWindow(v *ent.Vote, now time.Time) bool {
	return v.Status == vote.StatusOpen && (v.ClosesAt == nil || now.Before(*v.ClosesAt))
}
