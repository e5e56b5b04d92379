package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// RefreshToken is one opaque refresh token, stored as a SHA-256 hash. Tokens
// from one login form a family: each use rotates the token, and presenting
// an already-used token revokes the whole family (theft detection).
type RefreshToken struct{ ent.Schema }

// Fields of RefreshToken.
func (RefreshToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").NotEmpty().MaxLen(64).Unique().Immutable(),
		field.String("family").NotEmpty().MaxLen(64).Immutable(),
		field.Int("user_id").Immutable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
		field.Time("expires_at").Immutable(),
		field.Time("used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Indexes find a family quickly when it must be revoked.
func (RefreshToken) Indexes() []ent.Index {
	return []ent.Index{index.Fields("family"), index.Fields("user_id")}
}

// Policy: only authentication bookkeeping (system context) touches tokens.
func (RefreshToken) Policy() ent.Policy { return systemOnlyPolicy() }
