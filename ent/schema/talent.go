package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Talent is a resident activist (能人) recorded at a unit: a member of the
// tenant (user_id) or a named person not yet registered, linked later.
// Skills are free tags (木工, 法律, 书法); skill_index holds them as
// "|木工|法律|" so a subtree list filters one skill with a LIKE that both
// databases run alike. Participation is never stored: it is counted from
// the person's proposals, co-signatures, meetings, tasks, ballots and
// feedback when read.
type Talent struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (Talent) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of Talent.
func (Talent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Optional().Nillable(),
		field.String("name").NotEmpty().MaxLen(100),
		field.Strings("skills"),
		field.String("skill_index").MaxLen(2000).Default(""),
		field.Enum("source").Values("home_visit", "activity", "self_registration", "recommendation"),
		field.Int("found_by").Optional().Nillable(),
		field.Time("found_at"),
		field.String("profile").Optional().MaxLen(1000),
		field.Bool("contact_consent").Default(false),
	}
}

// Indexes: a registered person is one talent per tenant; lists walk a unit.
func (Talent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id", "user_id").Unique(), index.Fields("unit_id")}
}

// Policy: staff in scope, and the person themself.
func (Talent) Policy() ent.Policy { return tenantPolicy("unit_path", "user_id") }
