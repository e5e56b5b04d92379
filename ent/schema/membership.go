package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Membership records that a user belongs to a unit (usually as a resident)
// and the stakeholder identities they hold there, such as party_member or
// building_head. Meetings and votes count people by these identities.
type Membership struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (Membership) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of Membership.
func (Membership) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Strings("identities"),
		field.String("address").Optional().MaxLen(200),
		field.Int("verified_by").Optional().Nillable(),
	}
}

// Edges of Membership.
func (Membership) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Field("user_id").Unique().Required().Immutable(),
	}
}

// Indexes: a user is a member of a unit once.
func (Membership) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("unit_id", "user_id").Unique(),
		index.Fields("user_id"),
	}
}

// Policy: staff see members in their subtree; a user sees their own.
func (Membership) Policy() ent.Policy { return tenantPolicy("unit_path", "user_id") }
