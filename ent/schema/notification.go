package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Notification is an in-app message to one user: about a proposal they
// wrote, co-signed or follow (one per timeline event), about a vote,
// meeting, task or queue that concerns them (issue 12), or, for a tenant's
// admins, about a platform break-glass grant in their tenant (issue 15). It is written in
// the transaction of the change that caused it; the unique (user, event)
// and (user, dedup_key) indexes mean nothing notifies anyone twice.
type Notification struct{ ent.Schema }

// Mixin: tenant_id is copied from the event the notification reports (or
// the membership request whose decision it announces, or the audit
// entry of a break-glass grant)
// (TenantChildMixin), so an inbox row cannot land in another tenant.
func (Notification) Mixin() []ent.Mixin {
	return []ent.Mixin{childOf(ofNotificationParent()).only("tenant_id")}
}

// Fields of Notification.
func (Notification) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Int("tenant_id").Immutable(),
		field.Int("proposal_id").Optional().Nillable().Immutable(),
		field.Int("event_id").Optional().Nillable().Immutable(),
		field.Int("membership_request_id").Optional().Nillable().Immutable(),
		field.Int("audit_id").Optional().Nillable().Immutable(),
		field.String("kind").NotEmpty().MaxLen(32).Immutable(),
		field.String("title").NotEmpty().MaxLen(200).Immutable(),
		field.Text("body").Optional().Immutable(),
		// data holds the ids a client or a webhook partner acts on
		// (proposal_id, vote_id, meeting_id, task_id …), so nobody parses
		// the Chinese text (issue 12).
		field.JSON("data", map[string]any{}).Optional().Immutable(),
		// dedup_key makes a notification without a timeline event
		// (vote opened, task overdue) unique per user: a job that runs
		// twice notifies once.
		field.String("dedup_key").Optional().Nillable().MaxLen(120).Immutable(),
		// digest marks a notification its recipient takes in the daily
		// digest rather than at once (their preference when it was written).
		field.Bool("digest").Default(false).Immutable(),
		field.Time("read_at").Optional().Nillable(),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: a user's inbox, newest first; one notification per event and
// per audit entry.
func (Notification) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id", "event_id").Unique(), index.Fields("user_id", "dedup_key").Unique(),
		index.Fields("user_id", "audit_id").Unique(),
		index.Fields("user_id", "id")}
}

// Policy: a user reads and marks only their own; the event writer (system
// context) creates them.
func (Notification) Policy() ent.Policy { return ownInboxPolicy() }
