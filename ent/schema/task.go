package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Task is one responsibility assigned when an approved proposal is put to
// work (分配职责): to a person holding implementer or a higher role in
// scope, or to an organization such as the property company. A proposal's
// progress is the weighted mean of its tasks' percent.
type Task struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps; the tenant columns
// are copied from the proposal (TenantChildMixin).
func (Task) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}, childOf(ofProposal())}
}

// Fields of Task.
func (Task) Fields() []ent.Field {
	return []ent.Field{
		field.Int("proposal_id").Immutable(),
		field.String("title").NotEmpty().MaxLen(200),
		field.Text("description").Optional(),
		field.Int("assignee_id").Optional().Nillable(),
		field.Int("organization_id").Optional().Nillable(),
		field.Time("due_at"),
		field.Float("weight").Positive().Default(1),
		field.Enum("status").Values("todo", "doing", "done", "blocked", "cancelled").Default("todo"),
		// quantity and quantity_unit count the work (300 把); delivered
		// sums the progress reports' batches, and percent follows it.
		field.Int("quantity").Optional().Nillable().Positive(),
		field.String("quantity_unit").Optional().MaxLen(20),
		field.Int("delivered").Default(0),
		field.Int("percent").Min(0).Max(100).Default(0),
		field.Time("done_at").Optional().Nillable(),
		field.Int("created_by").Optional().Nillable().Immutable(),
		field.Int("version").Default(1),
		// overdue_announced_at is when the task.overdue event went out
		// (tasks.AnnounceOverdue), so it goes out once.
		field.Time("overdue_announced_at").Optional().Nillable(),
	}
}

// Indexes serve a proposal's tasks and the overdue list.
func (Task) Indexes() []ent.Index {
	return []ent.Index{index.Fields("proposal_id"), index.Fields("status", "due_at"), index.Fields("assignee_id")}
}

// Policy: staff of the subtree, the community's residents, and the assignee.
func (Task) Policy() ent.Policy { return proposalChildPolicy("assignee_id") }
