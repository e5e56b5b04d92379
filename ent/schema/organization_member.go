package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// OrganizationMember links a user to an organization as leader or member.
type OrganizationMember struct{ ent.Schema }

// Mixin adds tenancy and timestamps; the tenant columns
// are copied from the organization (TenantChildMixin).
func (OrganizationMember) Mixin() []ent.Mixin {
	return []ent.Mixin{TenantMixin{}, TimeMixin{}, childOf(ofOrganization()).only("tenant_id", "unit_id", "unit_path")}
}

// Fields of OrganizationMember.
func (OrganizationMember) Fields() []ent.Field {
	return []ent.Field{
		field.Int("organization_id").Immutable(),
		field.Int("user_id").Immutable(),
		field.Enum("role").Values("leader", "member").Default("member"),
	}
}

// Indexes: one row per person and organization.
func (OrganizationMember) Indexes() []ent.Index {
	return []ent.Index{index.Fields("organization_id", "user_id").Unique(), index.Fields("user_id")}
}

// Policy: staff in scope, and the member themself.
func (OrganizationMember) Policy() ent.Policy { return tenantPolicy("unit_path", "user_id") }
