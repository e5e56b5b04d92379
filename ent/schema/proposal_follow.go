package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// ProposalFollow is a person following a proposal to be notified of every
// change; authors and co-signers are notified without following.
type ProposalFollow struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the proposal (TenantChildMixin).
func (ProposalFollow) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofProposal())}
}

// Fields of ProposalFollow.
func (ProposalFollow) Fields() []ent.Field {
	return []ent.Field{
		field.Int("proposal_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: one follow per person and proposal.
func (ProposalFollow) Indexes() []ent.Index {
	return []ent.Index{index.Fields("proposal_id", "user_id").Unique(), index.Fields("user_id")}
}

// Policy: like the proposal; the follower sees their own.
func (ProposalFollow) Policy() ent.Policy { return proposalChildPolicy("user_id") }
