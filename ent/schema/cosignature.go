package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Cosignature is one resident's signature on a joint proposal. The unique
// index, not a read, guarantees each person signs once.
type Cosignature struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the proposal (TenantChildMixin).
func (Cosignature) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofProposal())}
}

// Fields of Cosignature. merged_from records a signature carried over
// from a proposal merged into this one.
func (Cosignature) Fields() []ent.Field {
	return []ent.Field{
		field.Int("proposal_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.Int("merged_from").Optional().Nillable().Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes of Cosignature.
func (Cosignature) Indexes() []ent.Index {
	return []ent.Index{index.Fields("proposal_id", "user_id").Unique(), index.Fields("user_id")}
}

// Policy: readable like the proposal; a signer sees their own.
func (Cosignature) Policy() ent.Policy { return proposalChildPolicy("user_id") }
