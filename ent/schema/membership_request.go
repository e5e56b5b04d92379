package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// MembershipRequest is a signed-in person asking to join a grid or
// community, with their address (building, unit, room) and the
// stakeholder identities they claim. Staff in scope approve it (which
// creates the membership and the resident role) or reject it with a note.
type MembershipRequest struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (MembershipRequest) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of MembershipRequest.
func (MembershipRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.String("building").Optional().MaxLen(50).Immutable(),
		field.String("unit_no").Optional().MaxLen(50).Immutable(),
		field.String("room").Optional().MaxLen(50).Immutable(),
		field.Strings("identities").Immutable(),
		field.String("message").Optional().MaxLen(500).Immutable(),
		field.Enum("status").Values("pending", "approved", "rejected").Default("pending"),
		field.Int("decided_by").Optional().Nillable(),
		field.Time("decided_at").Optional().Nillable(),
		field.String("decision_note").Optional().MaxLen(500),
	}
}

// Indexes: the queue of a unit by status; a person's requests.
func (MembershipRequest) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "status"), index.Fields("user_id")}
}

// Policy: staff in scope, and the requester.
func (MembershipRequest) Policy() ent.Policy { return tenantPolicy("unit_path", "user_id") }
