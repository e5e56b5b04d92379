package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// AgendaItem is one item of a meeting's agenda, usually a proposal. For a
// report meeting the items are the proposals it reports on.
type AgendaItem struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the meeting (TenantChildMixin).
func (AgendaItem) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofMeeting())}
}

// Fields of AgendaItem.
func (AgendaItem) Fields() []ent.Field {
	return []ent.Field{
		field.Int("meeting_id").Immutable(),
		field.Int("proposal_id").Optional().Nillable().Immutable(),
		field.String("title").NotEmpty().MaxLen(200),
		field.Int("position").Default(0),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: a proposal is on a meeting's agenda once.
func (AgendaItem) Indexes() []ent.Index {
	return []ent.Index{index.Fields("meeting_id", "proposal_id").Unique(), index.Fields("proposal_id")}
}

// Policy: like the meeting.
func (AgendaItem) Policy() ent.Policy { return proposalChildPolicy("") }
