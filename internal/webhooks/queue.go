package webhooks

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"yishi/ent"
	"yishi/ent/predicate"
	"yishi/ent/webhook"
	"yishi/ent/webhookdelivery"
	"yishi/ent/webhookevent"
	"yishi/internal/audit"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// Store is the dispatcher's view of the database. It works as the system:
// the outbox and the delivery queue are nobody's to read.
type Store struct {
	Client  *ent.Client
	Dialect string
}

// fanBatch is how many outbox events one round fans out.
const fanBatch = 200

// skipLocked applies FOR UPDATE SKIP LOCKED on PostgreSQL, so concurrent
// dispatchers split the rows between them; SQLite serializes writers and
// has no such clause.
func (s Store) skipLocked() bool { return s.Dialect == dialect.Postgres }

// FanOut turns new outbox events into one pending delivery per enabled
// endpoint of their tenant that subscribes to their type, and marks them
// fanned out, in one transaction.
func (s Store) FanOut(ctx context.Context, now time.Time) (int, error) {
	sys := viewer.SystemContext(ctx)
	// A plain read first: an idle round takes no write lock (on SQLite
	// every transaction does, and rounds run every second).
	if pending, err := s.Client.WebhookEvent.Query().Where(webhookevent.FannedOut(false)).Exist(sys); err != nil || !pending {
		return 0, err
	}
	n := 0
	err := store.WithTx(sys, s.Client, func(tx *ent.Tx) error {
		q := tx.WebhookEvent.Query().Where(webhookevent.FannedOut(false)).Order(ent.Asc(webhookevent.FieldID)).Limit(fanBatch)
		if s.skipLocked() {
			q.ForUpdate(entsql.WithLockAction(entsql.SkipLocked))
		}
		evs, err := q.All(sys)
		if err != nil || len(evs) == 0 {
			return err
		}
		hooks := map[int][]*ent.Webhook{}
		for _, ev := range evs {
			hs, ok := hooks[ev.TenantID]
			if !ok {
				if hs, err = tx.Webhook.Query().Where(webhook.TenantID(ev.TenantID), webhook.DisabledAtIsNil()).
					Order(ent.Asc(webhook.FieldID)).All(sys); err != nil {
					return fmt.Errorf("webhooks of tenant %d: %w", ev.TenantID, err)
				}
				hooks[ev.TenantID] = hs
			}
			for _, h := range hs {
				if !Matches(h.Events, ev.Type) {
					continue
				}
				if err := tx.WebhookDelivery.Create().SetTenantID(h.TenantID).SetUnitID(h.UnitID).SetUnitPath(h.UnitPath).
					SetWebhookID(h.ID).SetEventID(ev.ID).SetEventType(ev.Type).SetMessageID(MessageID(ev.ID)).
					SetNextAttemptAt(now).Exec(sys); err != nil {
					return fmt.Errorf("queue event %d for webhook %d: %w", ev.ID, h.ID, err)
				}
			}
			n++
		}
		ids := make([]int, len(evs))
		for i, ev := range evs {
			ids[i] = ev.ID
		}
		return tx.WebhookEvent.Update().Where(webhookevent.IDIn(ids...)).SetFannedOut(true).Exec(sys)
	})
	return n, err
}

// MessageID is the webhook-id of an event: the same on every attempt and
// every redelivery.
func MessageID(eventID int) string { return "msg_" + strconv.Itoa(eventID) }

// Claim leases up to limit due deliveries for lease, each the oldest
// pending delivery of its (enabled) endpoint, and returns them ready to
// send. Rows another dispatcher is claiming are skipped, and a leased row
// is not due, so two dispatchers never attempt the same delivery at once.
func (s Store) Claim(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]Job, error) {
	sys := viewer.SystemContext(ctx)
	due := []predicate.WebhookDelivery{
		webhookdelivery.StatusEQ(webhookdelivery.StatusPending),
		webhookdelivery.NextAttemptAtLTE(now),
		webhookdelivery.Or(webhookdelivery.LeaseUntilIsNil(), webhookdelivery.LeaseUntilLT(now)),
		headOfEndpoint(), endpointEnabled(),
	}
	if pending, err := s.Client.WebhookDelivery.Query().Where(due...).Exist(sys); err != nil || !pending {
		return nil, err
	}
	var jobs []Job
	err := store.WithTx(sys, s.Client, func(tx *ent.Tx) error {
		q := tx.WebhookDelivery.Query().Where(due...).Order(ent.Asc(webhookdelivery.FieldID)).Limit(limit)
		if s.skipLocked() {
			q.ForUpdate(entsql.WithLockAction(entsql.SkipLocked), entsql.WithLockTables(webhookdelivery.Table))
		}
		ds, err := q.All(sys)
		if err != nil || len(ds) == 0 {
			return err
		}
		ids := make([]int, len(ds))
		for i, d := range ds {
			ids[i] = d.ID
		}
		if err := tx.WebhookDelivery.Update().Where(webhookdelivery.IDIn(ids...)).SetLeaseUntil(now.Add(lease)).Exec(sys); err != nil {
			return fmt.Errorf("lease deliveries: %w", err)
		}
		jobs, err = s.jobsOf(sys, tx, ds)
		return err
	})
	return jobs, err
}

// headOfEndpoint keeps a delivery only when no older delivery of the same
// endpoint is still pending: an endpoint gets its events in order.
func headOfEndpoint() predicate.WebhookDelivery {
	return func(s *entsql.Selector) {
		t := entsql.Table(webhookdelivery.Table).As("older")
		s.Where(entsql.NotExists(entsql.Select(t.C(webhookdelivery.FieldID)).From(t).Where(entsql.And(
			entsql.ColumnsEQ(t.C(webhookdelivery.FieldWebhookID), s.C(webhookdelivery.FieldWebhookID)),
			entsql.EQ(t.C(webhookdelivery.FieldStatus), webhookdelivery.StatusPending.String()),
			entsql.ColumnsLT(t.C(webhookdelivery.FieldID), s.C(webhookdelivery.FieldID)),
		))))
	}
}

// endpointEnabled keeps deliveries whose endpoint is not disabled; a
// disabled endpoint's queue waits until it is enabled again.
func endpointEnabled() predicate.WebhookDelivery {
	return func(s *entsql.Selector) {
		t := entsql.Table(webhook.Table)
		s.Where(entsql.In(s.C(webhookdelivery.FieldWebhookID),
			entsql.Select(t.C(webhook.FieldID)).From(t).Where(entsql.IsNull(t.C(webhook.FieldDisabledAt)))))
	}
}

// jobsOf loads what sending each delivery needs.
func (s Store) jobsOf(ctx context.Context, tx *ent.Tx, ds []*ent.WebhookDelivery) ([]Job, error) {
	var hookIDs, eventIDs []int
	for _, d := range ds {
		hookIDs, eventIDs = append(hookIDs, d.WebhookID), append(eventIDs, d.EventID)
	}
	hs, err := tx.Webhook.Query().Where(webhook.IDIn(hookIDs...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load webhooks: %w", err)
	}
	evs, err := tx.WebhookEvent.Query().Where(webhookevent.IDIn(eventIDs...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load events: %w", err)
	}
	hookOf, eventOf := map[int]*ent.Webhook{}, map[int]*ent.WebhookEvent{}
	for _, h := range hs {
		hookOf[h.ID] = h
	}
	for _, ev := range evs {
		eventOf[ev.ID] = ev
	}
	var out []Job
	for _, d := range ds {
		h, ev := hookOf[d.WebhookID], eventOf[d.EventID]
		if h == nil || ev == nil {
			// The event was swept (or the endpoint deleted): give the
			// delivery up so it does not hold the endpoint's queue.
			if err := tx.WebhookDelivery.UpdateOneID(d.ID).SetStatus(webhookdelivery.StatusFailed).
				ClearLeaseUntil().SetLastError("event no longer kept").Exec(ctx); err != nil {
				return nil, fmt.Errorf("expire delivery %d: %w", d.ID, err)
			}
			continue
		}
		out = append(out, Job{DeliveryID: d.ID, WebhookID: h.ID, MessageID: d.MessageID, URL: h.URL, Secret: h.Secret,
			Type: ev.Type, Timestamp: ev.CreatedAt, Data: ev.Data, Attempts: d.Attempts})
	}
	return out, nil
}

// Settle records an attempt: success ends the delivery and clears the
// endpoint's failures; a failure schedules the next attempt after
// backoff[attempts-1], gives up after the last, and disables an endpoint
// that has failed for longer than disableAfter.
func (s Store) Settle(ctx context.Context, j Job, r Result, backoff []time.Duration, disableAfter time.Duration) error {
	sys := viewer.SystemContext(ctx)
	return store.WithTx(sys, s.Client, func(tx *ent.Tx) error {
		attempts := j.Attempts + 1
		u := tx.WebhookDelivery.UpdateOneID(j.DeliveryID).SetAttempts(attempts).SetLastAttemptAt(r.At).
			ClearLeaseUntil().SetDurationMs(int(r.Duration / time.Millisecond)).SetLastError(truncate(r.Err, 500))
		if r.Code > 0 {
			u.SetResponseCode(r.Code)
		} else {
			u.ClearResponseCode()
		}
		switch {
		case r.OK:
			u.SetStatus(webhookdelivery.StatusSucceeded)
		case attempts > len(backoff):
			u.SetStatus(webhookdelivery.StatusFailed)
		default:
			u.SetNextAttemptAt(r.At.Add(backoff[attempts-1]))
		}
		if err := u.Exec(sys); err != nil {
			return fmt.Errorf("settle delivery %d: %w", j.DeliveryID, err)
		}
		return s.health(sys, tx, j.WebhookID, r, disableAfter)
	})
}

// health tracks an endpoint's run of failures and disables it, audited,
// once the run is longer than disableAfter.
func (s Store) health(ctx context.Context, tx *ent.Tx, id int, r Result, disableAfter time.Duration) error {
	h, err := tx.Webhook.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("load webhook %d: %w", id, err)
	}
	switch {
	case r.OK && h.FailingSince != nil:
		return tx.Webhook.UpdateOneID(id).ClearFailingSince().Exec(ctx)
	case r.OK:
		return nil
	case h.FailingSince == nil:
		return tx.Webhook.UpdateOneID(id).SetFailingSince(r.At).Exec(ctx)
	case h.DisabledAt == nil && r.At.Sub(*h.FailingSince) > disableAfter:
		if err := tx.Webhook.UpdateOneID(id).SetDisabledAt(r.At).
			SetDisabledReason("deliveries failed for " + disableAfter.String()).Exec(ctx); err != nil {
			return fmt.Errorf("disable webhook %d: %w", id, err)
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &h.TenantID, UnitPath: h.UnitPath, Actor: "system",
			Action: "webhook.disabled", TargetType: "webhook", TargetID: id,
			Detail: map[string]any{"failing_since": h.FailingSince, "last_error": r.Err}})
	}
	return nil
}

// Retention is how long the outbox keeps a fanned-out event, so it can
// be redelivered; older events are swept.
const Retention = 30 * 24 * time.Hour

// Sweep deletes fanned-out events created before before.
func (s Store) Sweep(ctx context.Context, before time.Time) (int, error) {
	n, err := s.Client.WebhookEvent.Delete().Where(webhookevent.FannedOut(true), webhookevent.CreatedAtLT(before)).
		Exec(viewer.SystemContext(ctx))
	if err != nil {
		return 0, fmt.Errorf("sweep webhook events: %w", err)
	}
	return n, nil
}
