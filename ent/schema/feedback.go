package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Feedback is one person's satisfaction with a completed proposal (抓反馈).
// A low score, or a comment flagged as a new need, opens a follow-up draft
// linked to the original.
type Feedback struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the proposal (TenantChildMixin).
func (Feedback) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofProposal())}
}

// Fields of Feedback.
func (Feedback) Fields() []ent.Field {
	return []ent.Field{
		field.Int("proposal_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.Int("satisfaction").Min(1).Max(5).Immutable(),
		field.Text("comment").Optional().Immutable(),
		field.Bool("new_need").Default(false).Immutable(),
		field.Int("follow_up_id").Optional().Nillable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: each person gives feedback once per proposal.
func (Feedback) Indexes() []ent.Index {
	return []ent.Index{index.Fields("proposal_id", "user_id").Unique()}
}

// Policy: like the proposal; the giver sees their own.
func (Feedback) Policy() ent.Policy { return proposalChildPolicy("user_id") }
