package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Household is one dwelling in a grid, with its floor area. Votes can be
// one ballot per household and weighted by floor area (Civil Code Art.
// 278 counts owners by headcount and by area).
type Household struct{ ent.Schema }

// Mixin adds tenancy, the community path and timestamps.
func (Household) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, TimeMixin{}}
}

// Fields of Household. floor_area is in square metres.
func (Household) Fields() []ent.Field {
	return []ent.Field{
		field.String("address").NotEmpty().MaxLen(200),
		field.Float("floor_area").Positive(),
		field.String("owner_name").Optional().MaxLen(100),
		field.String("owner_phone").Optional().MaxLen(20),
	}
}

// Indexes: an address is listed once per unit.
func (Household) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "address").Unique()}
}

// Policy: households are tenant data of the subtree; nobody changes the
// floor area of their own household.
func (Household) Policy() ent.Policy { return guarded(proposalChildPolicy(""), refuseOwnArea()) }
