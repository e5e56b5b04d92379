package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Webhook is a partner's endpoint registered by a tenant admin at the
// tenant root: Yishi POSTs the events it subscribes to there, signed with
// its secret (Standard Webhooks). The secret is kept in clear because
// signing needs it; it is shown once, at creation and rotation.
type Webhook struct{ ent.Schema }

// Mixin adds tenancy and timestamps.
func (Webhook) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}, TimeMixin{}} }

// Fields of Webhook. failing_since is the first failed delivery of the
// current run of failures; the dispatcher disables an endpoint failing
// for longer than its limit and stamps disabled_at and disabled_reason.
func (Webhook) Fields() []ent.Field {
	return []ent.Field{
		field.String("url").NotEmpty().MaxLen(2048),
		field.Strings("events"),
		field.String("description").Optional().MaxLen(500),
		field.String("secret").Sensitive().NotEmpty(),
		field.Time("disabled_at").Optional().Nillable(),
		field.String("disabled_reason").Optional().MaxLen(200),
		field.Time("failing_since").Optional().Nillable(),
		field.Int("created_by").Optional().Nillable().Immutable(),
	}
}

// Indexes of Webhook.
func (Webhook) Indexes() []ent.Index { return []ent.Index{index.Fields("tenant_id", "id")} }

// Policy: webhooks are visible only inside their unit's subtree (the
// tenant root's, so to the tenant's staff at the root).
func (Webhook) Policy() ent.Policy { return tenantPolicy("unit_path", "") }
