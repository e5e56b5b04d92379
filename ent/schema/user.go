package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"

	"yishi/ent/privacy"
)

// User is a person who can sign in. Users are global (one phone, one
// account) and reach tenant data only through role assignments.
type User struct{ ent.Schema }

// Mixin adds timestamps.
func (User) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

// Fields of User. The password is an argon2id PHC string and never leaves
// the data layer. A deleted account keeps its row with the name
// "已注销用户" and a placeholder phone that frees the real one.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("phone").NotEmpty().MaxLen(20).Unique(),
		field.String("name").NotEmpty().MaxLen(100),
		field.String("password_hash").Sensitive().NotEmpty(),
		field.Enum("status").Values("active", "disabled", "deleted").Default("active"),
		// privacy_notice_version and privacy_consented_at record the
		// consent given at registration (PIPL, issue 11).
		field.String("privacy_notice_version").Optional().MaxLen(32),
		field.Time("privacy_consented_at").Optional().Nillable(),
		// deleted_at is set when the person deleted the account: the row
		// stays (ids in tallies, timelines and the audit log keep
		// pointing somewhere) but its personal fields are erased.
		field.Time("deleted_at").Optional().Nillable(),
		// Notification preferences (issue 12): the kinds the user muted,
		// and whether they take notifications in a daily digest.
		field.Strings("notify_muted").Optional(),
		field.Bool("notify_digest").Default(false),
	}
}

// Policy: any signed-in caller may look a user up (handlers decide which
// fields to expose); only system work and the user themself write.
func (User) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{allowSystem(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{allowSystem(), selfFilter(), privacy.AlwaysDenyRule()},
	}
}
