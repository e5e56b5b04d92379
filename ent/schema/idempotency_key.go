package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"yishi/ent/schema/schematype"
)

// IdempotencyKey remembers the answer to a POST sent with an
// Idempotency-Key header, so a client retrying after a timeout gets the
// same answer instead of a second write. Keys are per caller (subject).
type IdempotencyKey struct{ ent.Schema }

// Fields of IdempotencyKey. status 0 means the first request is still in
// flight; a concurrent retry then gets 409.
func (IdempotencyKey) Fields() []ent.Field {
	return []ent.Field{
		field.String("subject").NotEmpty().MaxLen(32).Immutable(),
		field.String("key").NotEmpty().MaxLen(255).Immutable(),
		field.String("method").NotEmpty().MaxLen(8).Immutable(),
		field.String("path").NotEmpty().MaxLen(255).Immutable(),
		field.String("request_hash").NotEmpty().MaxLen(64).Immutable(),
		field.Int("status").Default(0),
		field.String("content_type").Optional().MaxLen(100),
		field.JSON("headers", map[string]string{}).Optional(),
		field.Bytes("body").Optional(),
		// access_checks are the body-dependent decisions the first request
		// passed; a replay decides them again.
		field.JSON("access_checks", []schematype.AccessCheck{}).Optional(),
		field.Time("created_at").Default(nowUTC).Immutable(),
		field.Time("expires_at").Immutable(),
	}
}

// Indexes: one row per caller and key; expiry sweeps by time.
func (IdempotencyKey) Indexes() []ent.Index {
	return []ent.Index{index.Fields("subject", "key").Unique(), index.Fields("expires_at")}
}

// Policy: only the idempotency middleware (system context) touches keys.
func (IdempotencyKey) Policy() ent.Policy { return systemOnlyPolicy() }
