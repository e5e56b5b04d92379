package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// VoteParticipation records only that a voter (person or household) has
// voted. Its unique index is what enforces one ballot per voter; for an
// anonymous vote it is the only place the voter appears, kept apart from
// the choice.
type VoteParticipation struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the vote (TenantChildMixin).
func (VoteParticipation) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofVote())}
}

// Fields of VoteParticipation.
func (VoteParticipation) Fields() []ent.Field {
	return []ent.Field{
		field.Int("vote_id").Immutable(),
		field.String("voter_key").NotEmpty().MaxLen(32).Immutable(),
		field.Int("cast_by").Optional().Nillable().Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: the one-ballot-per-voter constraint.
func (VoteParticipation) Indexes() []ent.Index {
	return []ent.Index{index.Fields("vote_id", "voter_key").Unique()}
}

// Policy: like the vote.
func (VoteParticipation) Policy() ent.Policy { return proposalChildPolicy("cast_by") }
