package schema

import (
	"encoding/json"

	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// WebhookEvent is one row of the outbox: an event written by an ent hook
// in the same transaction as the change it reports (outbox.go), so a
// committed change always has its event and a rolled-back one never. The
// dispatcher fans each event out to the tenant's subscribed endpoints
// (WebhookDelivery) and marks it fanned_out.
type WebhookEvent struct{ ent.Schema }

// Fields of WebhookEvent.
func (WebhookEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("tenant_id").Immutable().Positive(),
		field.String("type").NotEmpty().MaxLen(64).Immutable(),
		field.JSON("data", json.RawMessage{}).Immutable(),
		field.Bool("fanned_out").Default(false),
		field.Time("created_at").Default(nowUTC).Immutable(),
	}
}

// Indexes: the dispatcher scans the events not yet fanned out, oldest first.
func (WebhookEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("fanned_out", "id"), index.Fields("tenant_id")}
}

// Policy: only the system (hooks, dispatcher) writes or reads the outbox.
func (WebhookEvent) Policy() ent.Policy { return systemOnlyPolicy() }
