package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"yishi/ent/schema/schematype"
)

// Comment is a remark on a proposal. Internal comments are staff notes
// that residents never see.
type Comment struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps; the tenant columns
// are copied from the proposal (TenantChildMixin).
func (Comment) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}, childOf(ofProposal())}
}

// Fields of Comment.
func (Comment) Fields() []ent.Field {
	return []ent.Field{
		field.Int("proposal_id").Immutable(),
		field.Int("author_id").Immutable(),
		field.Text("body"),
		field.Bool("internal").Default(false).Immutable(),
		// Moderation (issue 12): negative-list matches found when the
		// comment was written (they inform moderators, never decide), and
		// the hide / delete state. A hidden or deleted comment keeps its body
		// for moderators and the audit trail.
		field.JSON("screening_flags", []schematype.ScreeningFlag{}).Optional(),
		field.Time("hidden_at").Optional().Nillable(),
		field.Int("hidden_by").Optional().Nillable(),
		field.String("hidden_reason").Optional().MaxLen(500),
		field.Time("deleted_at").Optional().Nillable(),
	}
}

// Indexes of Comment.
func (Comment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("proposal_id", "id")}
}

// Policy: readable like the proposal; an author sees their own.
func (Comment) Policy() ent.Policy { return proposalChildPolicy("author_id") }
