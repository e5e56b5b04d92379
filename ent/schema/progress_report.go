package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// ProgressReport is one regular report on a task (定期汇报): the new
// percent and a note, by the assignee or a lead in scope, citing photos
// or documents already attached to the proposal (attachment_ids).
type ProgressReport struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the task (TenantChildMixin).
func (ProgressReport) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofTask())}
}

// Fields of ProgressReport.
func (ProgressReport) Fields() []ent.Field {
	return []ent.Field{
		field.Int("task_id").Immutable(),
		field.Int("proposal_id").Immutable(),
		field.Int("percent").Min(0).Max(100).Immutable(),
		// delivered is the quantity this report delivers (a batch), on a
		// task with a quantity.
		field.Int("delivered").Optional().Nillable().Immutable(),
		field.Text("note").Optional().Immutable(),
		field.Int("author_id").Optional().Nillable().Immutable(),
		field.Ints("attachment_ids").Optional().Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes of ProgressReport.
func (ProgressReport) Indexes() []ent.Index {
	return []ent.Index{index.Fields("task_id", "id"), index.Fields("proposal_id")}
}

// Policy: like the task.
func (ProgressReport) Policy() ent.Policy { return proposalChildPolicy("author_id") }
