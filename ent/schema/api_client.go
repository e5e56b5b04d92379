package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// APIClient is a partner app (the city hotline, a property company's system,
// a district dashboard) that calls the API with the client_credentials
// grant. Its secret is shown once and stored as a SHA-256 hash; its power
// is a role at a unit, narrowed further by scopes.
type APIClient struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (APIClient) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of APIClient.
func (APIClient) Fields() []ent.Field {
	return []ent.Field{
		field.String("client_id").NotEmpty().MaxLen(64).Unique().Immutable(),
		field.String("name").NotEmpty().MaxLen(200),
		field.String("secret_hash").Sensitive().NotEmpty(),
		field.String("role").NotEmpty().MaxLen(32).Immutable(),
		field.Strings("scopes"),
		field.Int("created_by").Optional().Nillable().Immutable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Indexes of APIClient.
func (APIClient) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id")}
}

// Policy: API clients are visible only inside their unit's subtree.
func (APIClient) Policy() ent.Policy { return tenantPolicy("unit_path", "") }
