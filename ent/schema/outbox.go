package schema

import (
	"context"
	"encoding/json"
	"fmt"

	"entgo.io/ent"

	gen "yishi/ent"
	"yishi/internal/viewer"
)

// The outbox: a hook on each entity whose rows represent events writes a
// WebhookEvent through the mutation's own client, so inside the writer's
// transaction. Every writer, present or future, is covered, and a
// rolled-back transaction leaves no event. Adding an event source is one
// line in the entity's Hooks: emitOnCreate("thing.created") for a row that
// is an event, or emitOnUpdate(...) for a status change.

// outboxEvent is one event a mutation produced.
type outboxEvent struct {
	Type     string
	TenantID int
	Data     any
}

// createTypes names the event types a created row produces (none: skip).
type createTypes func(v ent.Value) []string

// updateTypes names the event types an update produces from the fields
// it sets; reload reads the updated row (with its tenant) afterwards.
type updateTypes func(m ent.Mutation) []string

// reloader reads a row by id as the system, on the mutation's client.
type reloader func(ctx context.Context, c *gen.Client, id int) (ent.Value, error)

// emitOnCreate emits typ for every created row.
func emitOnCreate(typ string) ent.Hook {
	return emitOnCreateOf(func(ent.Value) []string { return []string{typ} })
}

// emitOnCreateOf emits the types types names for every created row.
func emitOnCreateOf(types createTypes) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err != nil || !m.Op().Is(ent.OpCreate) {
				return v, err
			}
			tid, _ := m.Field("tenant_id")
			tenant, _ := tid.(int)
			var evs []outboxEvent
			for _, t := range types(v) {
				evs = append(evs, outboxEvent{Type: t, TenantID: tenant, Data: v})
			}
			return v, writeOutbox(ctx, m, evs)
		})
	}
}

// emitOnUpdate emits the types types names for every row an update
// changes, with the row as it is after the update.
func emitOnUpdate(types updateTypes, reload reloader) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if !m.Op().Is(ent.OpUpdate | ent.OpUpdateOne) {
				return next.Mutate(ctx, m)
			}
			typs := types(m)
			if len(typs) == 0 {
				return next.Mutate(ctx, m)
			}
			ider, ok := m.(interface {
				IDs(context.Context) ([]int, error)
			})
			if !ok {
				return nil, fmt.Errorf("outbox: %T has no ids", m)
			}
			ids, err := ider.IDs(viewer.SystemContext(ctx)) // before: the update may change its own predicates
			if err != nil {
				return nil, fmt.Errorf("outbox: ids of %s: %w", m.Type(), err)
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			if n, isCount := v.(int); isCount && n == 0 {
				return v, nil
			}
			c, err := clientOf(m)
			if err != nil {
				return nil, err
			}
			var evs []outboxEvent
			for _, id := range ids {
				row, err := reload(viewer.SystemContext(ctx), c, id)
				if err != nil {
					return nil, fmt.Errorf("outbox: reload %s %d: %w", m.Type(), id, err)
				}
				for _, t := range typs {
					evs = append(evs, outboxEvent{Type: t, TenantID: tenantOf(row), Data: row})
				}
			}
			return v, writeOutbox(ctx, m, evs)
		})
	}
}

// clientOf is the mutation's own client: the transaction's, inside one.
func clientOf(m ent.Mutation) (*gen.Client, error) {
	cm, ok := m.(interface{ Client() *gen.Client })
	if !ok {
		return nil, fmt.Errorf("outbox: %T has no client", m)
	}
	return cm.Client(), nil
}

// tenantOf reads a row's tenant_id through its JSON form.
func tenantOf(row ent.Value) int {
	var t struct {
		TenantID int `json:"tenant_id"`
	}
	b, _ := json.Marshal(row)
	_ = json.Unmarshal(b, &t)
	return t.TenantID
}

// writeOutbox inserts evs on the mutation's client, as the system (the
// outbox is no caller's to read or write).
func writeOutbox(ctx context.Context, m ent.Mutation, evs []outboxEvent) error {
	if len(evs) == 0 {
		return nil
	}
	c, err := clientOf(m)
	if err != nil {
		return err
	}
	sys := viewer.SystemContext(ctx)
	for _, ev := range evs {
		if ev.TenantID <= 0 {
			continue // a row outside any tenant has nobody to tell
		}
		data, err := eventData(ev.Data)
		if err != nil {
			return fmt.Errorf("outbox: %s: %w", ev.Type, err)
		}
		if err := c.WebhookEvent.Create().SetTenantID(ev.TenantID).SetType(ev.Type).SetData(data).Exec(sys); err != nil {
			return fmt.Errorf("outbox: write %s: %w", ev.Type, err)
		}
	}
	return nil
}

// eventData is the row's JSON without ent's edges.
func eventData(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return b, nil //nolint:nilerr // not an object: keep as is
	}
	delete(m, "edges")
	return json.Marshal(m)
}

// fieldIs reports whether m sets name to a value printing as want.
func fieldIs(m ent.Mutation, name, want string) bool {
	v, ok := m.Field(name)
	return ok && fmt.Sprint(v) == want
}

// setsAnyBut reports whether m sets a field other than those ignored.
func setsAnyBut(m ent.Mutation, ignored ...string) bool {
	for _, f := range m.Fields() {
		skip := false
		for _, i := range ignored {
			skip = skip || f == i
		}
		if !skip {
			return true
		}
	}
	return len(m.AddedFields()) > 0 && !onlyAdds(m, ignored)
}

// onlyAdds reports whether every added (incremented) field is ignored.
func onlyAdds(m ent.Mutation, ignored []string) bool {
	for _, f := range m.AddedFields() {
		found := false
		for _, i := range ignored {
			found = found || f == i
		}
		if !found {
			return false
		}
	}
	return true
}
