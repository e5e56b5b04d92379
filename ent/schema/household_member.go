package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// HouseholdMember links a registered user to the household they may vote
// for; the household still casts one ballot.
type HouseholdMember struct{ ent.Schema }

// Mixin adds tenancy and the community path; the tenant columns
// are copied from the household (TenantChildMixin).
func (HouseholdMember) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, CommunityMixin{}, childOf(ofHousehold())}
}

// Fields of HouseholdMember.
func (HouseholdMember) Fields() []ent.Field {
	return []ent.Field{
		field.Int("household_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.Bool("owner").Default(true),
	}
}

// Indexes: a user belongs to a household once.
func (HouseholdMember) Indexes() []ent.Index {
	return []ent.Index{index.Fields("household_id", "user_id").Unique(), index.Fields("user_id")}
}

// Policy: like the household; a member sees their own rows, and nobody
// enters themselves in a household.
func (HouseholdMember) Policy() ent.Policy {
	return guarded(proposalChildPolicy("user_id"), refuseSelfEntry())
}
