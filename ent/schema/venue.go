package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Venue is a place where residents already gather and deliberate: a
// neighbourhood tea house (邻里茶馆), a four-neighbours pavilion
// (四邻议事亭), a hall, or an online room.
type Venue struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps.
func (Venue) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}}
}

// Fields of Venue.
func (Venue) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200),
		field.Enum("kind").Values("tea_house", "pavilion", "hall", "online"),
		field.String("address").Optional().MaxLen(300),
		field.Int("capacity").Optional().NonNegative(),
		field.Enum("status").Values("active", "retired").Default("active"),
	}
}

// Indexes: names are unique within a unit.
func (Venue) Indexes() []ent.Index { return []ent.Index{index.Fields("unit_id", "name").Unique()} }

// Policy: staff of the subtree and residents of the community see venues.
func (Venue) Policy() ent.Policy { return proposalChildPolicy("") }
