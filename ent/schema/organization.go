package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Organization is a self-organization (自组织), property company,
// merchant or party branch inside a tenant. Organizational proposals are
// filed for one by a person who leads it; tasks can be assigned to one.
type Organization struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (Organization) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of Organization.
func (Organization) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200),
		field.Enum("kind").Values("self_organization", "property_company", "merchant", "party_branch", "department"),
		field.String("description").Optional().MaxLen(2000),
		field.Enum("status").Values("active", "dissolved").Default("active"),
	}
}

// Indexes of Organization.
func (Organization) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "name").Unique()}
}

// Policy: organizations are tenant data.
func (Organization) Policy() ent.Policy { return tenantPolicy("unit_path", "") }
