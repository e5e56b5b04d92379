package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// WebhookDelivery is one event owed to one endpoint, with its attempts:
// the delivery log. Every attempt of a delivery carries the same
// message_id (the webhook-id header), so a receiver can deduplicate.
// Its tenant columns are the webhook's.
type WebhookDelivery struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (WebhookDelivery) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of WebhookDelivery. lease_until is set by the dispatcher that
// claimed the delivery (FOR UPDATE SKIP LOCKED), so another instance
// leaves it alone while the HTTP request is in flight.
func (WebhookDelivery) Fields() []ent.Field {
	return []ent.Field{
		field.Int("webhook_id").Immutable(),
		field.Int("event_id").Immutable(),
		field.String("event_type").NotEmpty().MaxLen(64).Immutable(),
		field.String("message_id").NotEmpty().MaxLen(64).Immutable(),
		field.Enum("status").Values("pending", "succeeded", "failed").Default("pending"),
		field.Int("attempts").Default(0),
		field.Time("next_attempt_at"),
		field.Time("lease_until").Optional().Nillable(),
		field.Time("last_attempt_at").Optional().Nillable(),
		field.Int("response_code").Optional().Nillable(),
		field.Int("duration_ms").Optional().Nillable(),
		field.String("last_error").Optional().MaxLen(500),
	}
}

// Indexes: an endpoint's log newest first, and the due deliveries.
func (WebhookDelivery) Indexes() []ent.Index {
	return []ent.Index{index.Fields("webhook_id", "status", "id"), index.Fields("status", "next_attempt_at")}
}

// Policy: visible like the webhook.
func (WebhookDelivery) Policy() ent.Policy { return tenantPolicy("unit_path", "") }
