package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Invitation is staff inviting a person by phone and name to a unit: when
// that phone registers, the membership is created in the registration's
// transaction. Revoked invitations stay for the record.
type Invitation struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (Invitation) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of Invitation.
func (Invitation) Fields() []ent.Field {
	return []ent.Field{
		field.String("phone").NotEmpty().MaxLen(20).Immutable(),
		field.String("name").NotEmpty().MaxLen(100).Immutable(),
		field.Strings("identities").Immutable(),
		field.Enum("status").Values("pending", "claimed", "revoked").Default("pending"),
		field.Int("invited_by").Optional().Nillable().Immutable(),
		field.Int("claimed_by").Optional().Nillable(),
		field.Time("claimed_at").Optional().Nillable(),
	}
}

// Indexes: registration finds a phone's pending invitations; staff list a unit's.
func (Invitation) Indexes() []ent.Index {
	return []ent.Index{index.Fields("phone", "status"), index.Fields("unit_id", "status")}
}

// Policy: staff in scope; registration claims as the system.
func (Invitation) Policy() ent.Policy { return tenantPolicy("unit_path", "") }
