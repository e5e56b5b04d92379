package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Notification is an in-app message to one user about a proposal they
// wrote, co-signed or follow, or, for a tenant's admins, about a
// platform break-glass grant in their tenant. It is written in the
// transaction of the timeline event (event_id) or audit entry (audit_id)
// that caused it; the unique (user, event) and (user, audit entry)
// indexes mean neither ever notifies anyone twice.
type Notification struct{ ent.Schema }

// Mixin: tenant_id is copied from the event the notification reports, or
// from its audit entry when it has no event (TenantChildMixin), so an
// inbox row cannot land in another tenant.
func (Notification) Mixin() []ent.Mixin {
	return []ent.Mixin{childOf(ofEvent().or(ofAuditEntry())).only("tenant_id")}
}

// Fields of Notification.
func (Notification) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Int("tenant_id").Immutable(),
		field.Int("proposal_id").Optional().Nillable().Immutable(),
		field.Int("event_id").Optional().Nillable().Immutable(),
		field.Int("audit_id").Optional().Nillable().Immutable(),
		field.String("kind").NotEmpty().MaxLen(32).Immutable(),
		field.String("title").NotEmpty().MaxLen(200).Immutable(),
		field.Text("body").Optional().Immutable(),
		field.Time("read_at").Optional().Nillable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: a user's inbox, newest first; one notification per event and
// per audit entry.
func (Notification) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id", "event_id").Unique(), index.Fields("user_id", "audit_id").Unique(),
		index.Fields("user_id", "id")}
}

// Policy: a user reads and marks only their own; the event writer (system
// context) creates them.
func (Notification) Policy() ent.Policy { return ownInboxPolicy() }
