package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Meeting is a deliberation meeting, a Tuesday talk, a face-to-face
// session, a hearing or a report meeting, held by a unit. Occurrences of a
// recurring format share series_id (the first occurrence's id) and keep
// the recurrence rule that made them.
type Meeting struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps.
func (Meeting) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}}
}

// Fields of Meeting.
func (Meeting) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(200),
		field.Enum("format").Values("deliberation", "tuesday_talk", "face_to_face", "hearing", "report_meeting"),
		field.Int("venue_id").Optional().Nillable(),
		field.Time("starts_at"),
		field.Time("ends_at").Optional().Nillable(),
		field.Enum("status").Values("scheduled", "held", "cancelled").Default("scheduled"),
		field.Int("convener_id").Optional().Nillable().Immutable(),
		field.Int("series_id").Optional().Nillable(),
		field.String("recurrence").Optional().MaxLen(200),
		field.Int("version").Default(1),
	}
}

// Indexes serve calendars and series.
func (Meeting) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "starts_at"), index.Fields("series_id")}
}

// Policy: staff of the subtree and residents of the community see meetings.
func (Meeting) Policy() ent.Policy { return proposalChildPolicy("convener_id") }
