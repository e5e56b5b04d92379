package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Participant is one person at a meeting: a registered user or a named
// guest, with the stakeholder identity they attend as (property_rep,
// building_head, resident_rep, …) and whether they attended.
type Participant struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the meeting (TenantChildMixin).
func (Participant) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofMeeting())}
}

// Fields of Participant.
func (Participant) Fields() []ent.Field {
	return []ent.Field{
		field.Int("meeting_id").Immutable(),
		field.Int("user_id").Optional().Nillable().Immutable(),
		field.String("guest_name").Optional().MaxLen(100),
		field.String("guest_phone").Optional().MaxLen(20),
		field.Enum("identity").Values("party_member", "resident_rep", "building_head", "org_leader",
			"merchant", "property_rep", "grid_worker", "volunteer", "resident"),
		field.Bool("attended").Default(false),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: a registered user is listed once per meeting.
func (Participant) Indexes() []ent.Index {
	return []ent.Index{index.Fields("meeting_id", "user_id").Unique()}
}

// Policy: like the meeting; participants see their own rows.
func (Participant) Policy() ent.Policy { return proposalChildPolicy("user_id") }
