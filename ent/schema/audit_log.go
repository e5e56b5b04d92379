package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"yishi/ent/privacy"
)

// AuditLog is an append-only record of security-relevant changes: role
// grants and revokes, API client changes, tenant creation. It is written in
// the same transaction as the change it records.
type AuditLog struct{ ent.Schema }

// Fields of AuditLog. tenant_id and unit_path are empty for platform-level
// events.
func (AuditLog) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Optional().Nillable().Immutable(),
		field.String("unit_path").Optional().MaxLen(255).Immutable(),
		field.String("actor").NotEmpty().MaxLen(32).Immutable(),
		field.String("action").NotEmpty().MaxLen(64).Immutable(),
		field.String("target_type").NotEmpty().MaxLen(32).Immutable(),
		field.Int("target_id").Immutable(),
		field.String("request_id").Optional().MaxLen(64).Immutable(),
		field.JSON("detail", map[string]any{}).Optional().Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes of AuditLog.
func (AuditLog) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "created_at"), index.Fields("unit_path")}
}

// Policy: audit rows are read inside the viewer's subtree (the platform
// operator reads all) and are never updated or deleted; any authenticated
// change may append one in its own transaction.
func (AuditLog) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{allowSystem(), allowPlatform(), scopeFilter("unit_path", "")},
		Mutation: privacy.MutationPolicy{
			allowSystem(),
			privacy.OnMutationOperation(privacy.AlwaysAllowRule(), ent.OpCreate),
			privacy.AlwaysDenyRule(),
		},
	}
}
