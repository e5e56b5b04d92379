package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// ProposalEvent is one entry of a proposal's append-only timeline: every
// transition, comment-free. It is what residents see as the history.
type ProposalEvent struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the proposal (TenantChildMixin).
func (ProposalEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofProposal())}
}

// Fields of ProposalEvent.
func (ProposalEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("proposal_id").Immutable(),
		field.String("actor").NotEmpty().MaxLen(32).Immutable(),
		field.String("actor_name").Optional().MaxLen(100).Immutable(),
		field.String("action").NotEmpty().MaxLen(32).Immutable(),
		field.String("from_status").Optional().MaxLen(32).Immutable(),
		field.String("to_status").NotEmpty().MaxLen(32).Immutable(),
		field.Text("note").Optional().Immutable(),
		field.String("reason_code").Optional().MaxLen(64).Immutable(),
		field.JSON("detail", map[string]any{}).Optional().Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes of ProposalEvent.
func (ProposalEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("proposal_id", "id")}
}

// Policy: readable like the proposal.
func (ProposalEvent) Policy() ent.Policy { return proposalChildPolicy("") }
