package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// OneTimeCode is a six-digit code sent to a phone to prove it is held
// before a registration or a password reset (issue 11). Only a salted
// SHA-256 of the code is stored; a code expires, allows a few tries and
// works once. Codes are platform-level, like users and refresh tokens:
// they exist before anyone belongs to a tenant.
type OneTimeCode struct{ ent.Schema }

// Fields of OneTimeCode.
func (OneTimeCode) Fields() []ent.Field {
	return []ent.Field{
		field.String("phone").NotEmpty().MaxLen(20).Immutable(),
		field.Enum("purpose").Values("register", "reset").Immutable(),
		field.String("salt").NotEmpty().MaxLen(32).Immutable().Sensitive(),
		field.String("code_hash").NotEmpty().MaxLen(64).Immutable().Sensitive(),
		field.Int("attempts").Default(0),
		field.Time("created_at").Default(nowUTC).Immutable(),
		field.Time("expires_at").Immutable(),
		field.Time("used_at").Optional().Nillable(),
	}
}

// Indexes find the live code of a phone and purpose.
func (OneTimeCode) Indexes() []ent.Index {
	return []ent.Index{index.Fields("phone", "purpose", "created_at"), index.Fields("expires_at")}
}

// Policy: only authentication bookkeeping (system context) touches codes.
func (OneTimeCode) Policy() ent.Policy { return systemOnlyPolicy() }
