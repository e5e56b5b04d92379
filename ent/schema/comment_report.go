package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// CommentReport is one person's report that a comment breaks the rules
// (issue 12). Moderators see the reports of the comments they may hide;
// the unique index means each person reports a comment once.
type CommentReport struct{ ent.Schema }

// Mixin adds tenancy and the community path, copied from the comment
// (TenantChildMixin).
func (CommentReport) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofComment())}
}

// Fields of CommentReport.
func (CommentReport) Fields() []ent.Field {
	return []ent.Field{
		field.Int("comment_id").Immutable(),
		field.Int("reporter_id").Immutable(),
		field.String("reason").NotEmpty().MaxLen(1500).Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes of CommentReport.
func (CommentReport) Indexes() []ent.Index {
	return []ent.Index{index.Fields("comment_id", "reporter_id").Unique()}
}

// Policy: readable like the proposal (handlers show reports to moderators
// only); a reporter sees their own.
func (CommentReport) Policy() ent.Policy { return proposalChildPolicy("reporter_id") }
