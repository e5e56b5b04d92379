package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// VoteOption is one choice on a vote's ballot.
type VoteOption struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the vote (TenantChildMixin).
func (VoteOption) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofVote())}
}

// Fields of VoteOption.
func (VoteOption) Fields() []ent.Field {
	return []ent.Field{
		field.Int("vote_id").Immutable(),
		field.String("label").NotEmpty().MaxLen(200).Immutable(),
		field.Int("position").Immutable(),
		// question is the VoteQuestion.ID the option answers; 0 on a
		// vote asked the single-question way.
		field.Int("question").Default(0).Immutable(),
	}
}

// Indexes of VoteOption.
func (VoteOption) Indexes() []ent.Index {
	return []ent.Index{index.Fields("vote_id", "position").Unique()}
}

// Policy: like the vote.
func (VoteOption) Policy() ent.Policy { return proposalChildPolicy("") }
