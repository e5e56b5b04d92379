package webhooks

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/webhook"
	"yishi/ent/webhookdelivery"
	"yishi/ent/webhookevent"
	"yishi/internal/apperr"
	"yishi/internal/audit"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// Who is the caller of a change, for the audit log.
type Who struct {
	UserID    *int
	Actor     string
	RequestID string
}

// Endpoint is what a tenant admin registers or edits.
type Endpoint struct {
	URL         string
	Events      []string
	Description string
}

// Register records ep at the tenant root u with a fresh secret, audited,
// and returns the webhook with its secret (shown once).
func Register(ctx context.Context, client *ent.Client, u *ent.Unit, ep Endpoint, who Who) (*ent.Webhook, error) {
	secret, err := NewSecret()
	if err != nil {
		return nil, err
	}
	var w *ent.Webhook
	err = store.WithTx(ctx, client, func(tx *ent.Tx) error {
		w, err = tx.Webhook.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetURL(ep.URL).SetEvents(ep.Events).SetDescription(ep.Description).SetSecret(secret).
			SetNillableCreatedBy(who.UserID).Save(ctx)
		if err != nil {
			return fmt.Errorf("create webhook: %w", err)
		}
		return record(ctx, tx, w, "webhook.create", who, map[string]any{"url": ep.URL, "events": ep.Events})
	})
	return w, err
}

// Change is a partial update; nil fields are left alone. Disabled true
// stops deliveries; false re-enables the endpoint and forgets its failures.
type Change struct {
	URL         *string
	Events      []string
	Description *string
	Disabled    *bool
}

// Update applies ch to w, audited.
func Update(ctx context.Context, client *ent.Client, w *ent.Webhook, ch Change, now time.Time, who Who) (*ent.Webhook, error) {
	var out *ent.Webhook
	err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
		u := tx.Webhook.UpdateOneID(w.ID).SetNillableURL(ch.URL).SetNillableDescription(ch.Description)
		if ch.Events != nil {
			u.SetEvents(ch.Events)
		}
		if ch.Disabled != nil && *ch.Disabled && w.DisabledAt == nil {
			u.SetDisabledAt(now).SetDisabledReason("disabled by an administrator")
		}
		if ch.Disabled != nil && !*ch.Disabled {
			u.ClearDisabledAt().ClearDisabledReason().ClearFailingSince()
		}
		var err error
		if out, err = u.Save(ctx); err != nil {
			return fmt.Errorf("update webhook %d: %w", w.ID, err)
		}
		return record(ctx, tx, w, "webhook.update", who, nil)
	})
	return out, err
}

// RotateSecret gives w a new secret at once and returns it (shown once).
func RotateSecret(ctx context.Context, client *ent.Client, w *ent.Webhook, who Who) (*ent.Webhook, error) {
	secret, err := NewSecret()
	if err != nil {
		return nil, err
	}
	var out *ent.Webhook
	err = store.WithTx(ctx, client, func(tx *ent.Tx) error {
		if out, err = tx.Webhook.UpdateOneID(w.ID).SetSecret(secret).Save(ctx); err != nil {
			return fmt.Errorf("rotate webhook %d: %w", w.ID, err)
		}
		return record(ctx, tx, w, "webhook.rotate_secret", who, nil)
	})
	return out, err
}

// Delete removes w and its delivery log, audited.
func Delete(ctx context.Context, client *ent.Client, w *ent.Webhook, who Who) error {
	return store.WithTx(ctx, client, func(tx *ent.Tx) error {
		if _, err := tx.WebhookDelivery.Delete().Where(webhookdelivery.WebhookID(w.ID)).Exec(ctx); err != nil {
			return fmt.Errorf("delete deliveries of webhook %d: %w", w.ID, err)
		}
		if err := tx.Webhook.DeleteOneID(w.ID).Exec(ctx); err != nil {
			return fmt.Errorf("delete webhook %d: %w", w.ID, err)
		}
		return record(ctx, tx, w, "webhook.delete", who, nil)
	})
}

// OfTenant returns one page of the webhooks of the tenant, oldest first.
func OfTenant(ctx context.Context, client *ent.Client, tenantID, after, limit int) ([]*ent.Webhook, error) {
	rows, err := client.Webhook.Query().Where(webhook.TenantID(tenantID), webhook.IDGT(after)).
		Order(ent.Asc(webhook.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list webhooks: %w", err)
	}
	return rows, nil
}

// Deliveries returns one page of w's delivery log, newest first.
func Deliveries(ctx context.Context, client *ent.Client, webhookID, before, limit int) ([]*ent.WebhookDelivery, error) {
	q := client.WebhookDelivery.Query().Where(webhookdelivery.WebhookID(webhookID))
	if before > 0 {
		q.Where(webhookdelivery.IDLT(before))
	}
	rows, err := q.Order(ent.Desc(webhookdelivery.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list deliveries of webhook %d: %w", webhookID, err)
	}
	return rows, nil
}

// Redeliver queues the event of delivery deliveryID of w again, as a new
// delivery with the same webhook-id (so the receiver can deduplicate),
// behind the endpoint's other pending deliveries. It answers
// webhook_delivery.not_found for a delivery of another endpoint.
func Redeliver(ctx context.Context, client *ent.Client, w *ent.Webhook, deliveryID int, now time.Time) (*ent.WebhookDelivery, error) {
	d, err := client.WebhookDelivery.Query().
		Where(webhookdelivery.ID(deliveryID), webhookdelivery.WebhookID(w.ID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("webhook_delivery")
	}
	if err != nil {
		return nil, fmt.Errorf("find delivery %d: %w", deliveryID, err)
	}
	if _, err := client.WebhookEvent.Query().Where(webhookevent.ID(d.EventID)).Only(viewer.SystemContext(ctx)); err != nil {
		if ent.IsNotFound(err) {
			return nil, apperr.New(apperr.KindConflict, "webhook_delivery.event_expired", "the event is no longer kept")
		}
		return nil, fmt.Errorf("find event %d: %w", d.EventID, err)
	}
	out, err := client.WebhookDelivery.Create().SetTenantID(w.TenantID).SetUnitID(w.UnitID).SetUnitPath(w.UnitPath).
		SetWebhookID(w.ID).SetEventID(d.EventID).SetEventType(d.EventType).SetMessageID(d.MessageID).
		SetNextAttemptAt(now).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("redeliver %d: %w", deliveryID, err)
	}
	return out, nil
}

// record writes w's audit entry in tx.
func record(ctx context.Context, tx *ent.Tx, w *ent.Webhook, action string, who Who, detail map[string]any) error {
	return audit.Record(ctx, tx, audit.Entry{TenantID: &w.TenantID, UnitPath: w.UnitPath, Actor: who.Actor,
		Action: action, TargetType: "webhook", TargetID: w.ID, RequestID: who.RequestID, Detail: detail})
}

// Get reads the webhook with id as the caller (privacy hides other
// tenants' endpoints); the route loader uses it.
func Get(ctx context.Context, client *ent.Client, id int) (*ent.Webhook, error) {
	return client.Webhook.Get(ctx, id)
}
