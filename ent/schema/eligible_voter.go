package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// EligibleVoter is one line of a vote's roll, frozen when the vote opens:
// a person ("u:7") or a household ("h:12") with their weight and, for
// Art. 278, their floor area. Whether they voted is VoteParticipation's
// business, not the roll's.
type EligibleVoter struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the vote (TenantChildMixin).
func (EligibleVoter) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofVote())}
}

// Fields of EligibleVoter.
func (EligibleVoter) Fields() []ent.Field {
	return []ent.Field{
		field.Int("vote_id").Immutable(),
		field.String("voter_key").NotEmpty().MaxLen(32).Immutable(),
		field.Float("weight").Immutable(),
		field.Float("floor_area").Default(0).Immutable(),
	}
}

// Indexes: one roll line per voter and vote.
func (EligibleVoter) Indexes() []ent.Index {
	return []ent.Index{index.Fields("vote_id", "voter_key").Unique()}
}

// Policy: like the vote.
func (EligibleVoter) Policy() ent.Policy { return proposalChildPolicy("") }
