package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"yishi/ent/privacy"
)

// RoleAssignment grants a role to a subject (a user "u:ID" or an API client
// "c:ID") at a domain: a unit path, or "platform" for platform_admin. Each
// live row is one Casbin g line. Rows are never deleted: a revoke stamps
// revoked_at, so the history stays auditable. granted_version and
// revoked_version are policy versions, which let every instance apply
// changes incrementally instead of reloading everything.
type RoleAssignment struct{ ent.Schema }

// Fields of RoleAssignment.
func (RoleAssignment) Fields() []ent.Field {
	return []ent.Field{
		field.String("subject").NotEmpty().MaxLen(32).Immutable(),
		field.Int("user_id").Optional().Nillable().Immutable(),
		field.Int("api_client_id").Optional().Nillable().Immutable(),
		field.String("role").NotEmpty().MaxLen(32).Immutable(),
		field.Int("tenant_id").Optional().Nillable().Immutable(),
		field.Int("unit_id").Optional().Nillable().Immutable(),
		field.String("domain").NotEmpty().MaxLen(255).Immutable(),
		field.Int("granted_by").Optional().Nillable().Immutable(),
		field.Time("granted_at").Default(nowUTC).Immutable(),
		field.Int64("granted_version").Immutable(),
		field.Time("revoked_at").Optional().Nillable(),
		field.Int("revoked_by").Optional().Nillable(),
		field.Int64("revoked_version").Optional().Nillable(),
	}
}

// Indexes serve the incremental policy sync and per-unit listings.
func (RoleAssignment) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("subject", "role", "domain").Unique().
			Annotations(entsql.IndexWhere("revoked_at IS NULL")),
		index.Fields("granted_version"),
		index.Fields("revoked_version"),
		index.Fields("domain"),
		index.Fields("subject"),
		index.Fields("unit_id"),
	}
}

// Policy: assignments are visible inside the viewer's subtrees and to their
// holder; the platform operator sees all, since it appoints tenant admins.
func (RoleAssignment) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), allowPlatform(), scopeFilter("domain", "user_id")},
		Mutation: privacy.MutationPolicy{
			allowSystem(), allowPlatform(), scopedCreate("domain"), scopeFilter("domain", ""),
		},
	}
}
