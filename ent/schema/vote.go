package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"yishi/ent/schema/schematype"
)

// Vote is a decision put to the eligible people of a unit, a meeting's
// participants or a unit's households: on a proposal, in a meeting, or
// both. The eligible roll is frozen when the vote opens so the tally can
// be checked against it later.
type Vote struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps.
func (Vote) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}}
}

// Fields of Vote.
func (Vote) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(200),
		field.Int("proposal_id").Optional().Nillable().Immutable(),
		field.Int("meeting_id").Optional().Nillable().Immutable(),
		field.Enum("method").Values("single", "multiple").Immutable(),
		field.Int("max_choices").Default(1).Immutable(),
		field.JSON("questions", []schematype.VoteQuestion{}).Optional().Immutable(),
		field.Enum("eligibility").Values("members", "participants", "households").Immutable(),
		field.Enum("weighting").Values("person", "household", "floor_area").Immutable(),
		field.Enum("rule").Values("plurality", "majority_quorum", "civil_code_278").Default("plurality").Immutable(),
		field.Bool("major_matter").Default(false).Immutable(),
		field.Float("quorum").Optional().Nillable().Immutable(),
		field.Bool("anonymous").Default(false).Immutable(),
		field.Enum("results_visibility").Values("live", "after_close").Default("after_close").Immutable(),
		field.Enum("status").Values("draft", "open", "closed").Default("draft"),
		field.Time("opens_at").Optional().Nillable(),
		field.Time("closes_at").Optional().Nillable(),
		field.Time("opened_at").Optional().Nillable(),
		field.Time("closed_at").Optional().Nillable(),
		field.Int("eligible_count").Default(0),
		field.Float("eligible_weight").Default(0),
		field.Int("created_by").Optional().Nillable().Immutable(),
		field.Int("version").Default(1),
	}
}

// Indexes serve the scheduled open/close job.
func (Vote) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "opens_at"), index.Fields("status", "closes_at"), index.Fields("proposal_id")}
}

// Policy: staff of the subtree and residents of the community see votes.
func (Vote) Policy() ent.Policy { return proposalChildPolicy("created_by") }
