package schema

import (
	"crypto/rand"
	"encoding/binary"

	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Ballot is one cast ballot: the chosen options and weight. For an
// anonymous vote voter_key is empty and the row has no time, so it cannot
// be joined back to the VoteParticipation; the voter keeps a receipt code
// whose hash is receipt_hash and can find their ballot in the published
// list. For a named vote voter_key names the voter.
type Ballot struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the vote (TenantChildMixin).
func (Ballot) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofVote())}
}

// Fields of Ballot. token is a random public identifier; lists are
// ordered by it, never by id, so order reveals nothing. The id itself is
// random too: with an auto-increment id, ballots and participations
// written in the same transaction could be paired by their order.
func (Ballot) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("id").DefaultFunc(randomID).Immutable(),
		field.Int("vote_id").Immutable(),
		field.String("token").NotEmpty().MaxLen(64).Unique().Immutable(),
		field.String("receipt_hash").NotEmpty().MaxLen(64).Immutable(),
		field.String("voter_key").Optional().MaxLen(32).Immutable(),
		field.Ints("option_ids").Immutable(),
		field.Float("weight").Immutable(),
		field.Float("floor_area").Default(0).Immutable(),
	}
}

// Indexes of Ballot.
func (Ballot) Indexes() []ent.Index {
	return []ent.Index{index.Fields("vote_id", "token"), index.Fields("vote_id", "receipt_hash")}
}

// Policy: like the vote.
func (Ballot) Policy() ent.Policy { return proposalChildPolicy("") }

// randomID draws a positive 62-bit id, so row ids carry no order.
func randomID() int64 {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never returns an error since Go 1.24
	return int64(binary.BigEndian.Uint64(b[:]) >> 2)
}
