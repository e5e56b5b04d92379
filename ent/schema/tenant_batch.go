package schema

import (
	"context"
	"reflect"
	"sync"

	"entgo.io/ent"
)

// batchParents remembers a parent's tenant columns while one create runs,
// so a bulk insert (a vote's eligible roll, an event's notifications)
// reads its parent once, not once per row.
//
// ent runs a bulk create as nested mutators: row 0's hooks wrap rows
// 1..n, whose privacy rules run inside row 0's hook with the very context
// passed to Save. So the hook of the first row publishes the columns it
// was given (already copied by inheritTenant) under that context, and
// withdraws them when the whole insert returns. Nothing outlives the
// statement, so a later write of the parent is never served stale.
type batchParents struct {
	mu      sync.Mutex
	entries map[batchKey]*batchEntry
}

type batchKey struct {
	ctx  context.Context
	kind string
	id   int
}

type batchEntry struct {
	row  tenantRow
	refs int
}

// newBatchParents returns an empty cache, one per child entity.
func newBatchParents() *batchParents {
	return &batchParents{entries: map[batchKey]*batchEntry{}}
}

// lookup returns the columns published for (ctx, kind, id), if any.
func (b *batchParents) lookup(ctx context.Context, kind string, id int) (tenantRow, bool) {
	if !cacheable(ctx) {
		return tenantRow{}, false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	e, ok := b.entries[batchKey{ctx, kind, id}]
	if !ok {
		return tenantRow{}, false
	}
	return e.row, true
}

// hook publishes a create's parent columns for the rest of its batch.
func (b *batchParents) hook(p parentRef) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, mu ent.Mutation) (ent.Value, error) {
			if !mu.Op().Is(ent.OpCreate) || !cacheable(ctx) {
				return next.Mutate(ctx, mu)
			}
			parent := p.pick(mu)
			id, err := parent.id(mu)
			if err != nil {
				return nil, err
			}
			key := batchKey{ctx, parent.kind, id}
			b.enter(key, rowOf(mu))
			defer b.leave(key)
			return next.Mutate(ctx, mu)
		})
	}
}

func (b *batchParents) enter(key batchKey, row tenantRow) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if e, ok := b.entries[key]; ok {
		e.refs++
		return
	}
	b.entries[key] = &batchEntry{row: row, refs: 1}
}

func (b *batchParents) leave(key batchKey) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if e := b.entries[key]; e != nil {
		if e.refs--; e.refs == 0 {
			delete(b.entries, key)
		}
	}
}

// rowOf reads the tenant columns inheritTenant left on the mutation.
func rowOf(mu ent.Mutation) tenantRow {
	var r tenantRow
	if v, ok := mu.Field("tenant_id"); ok {
		r.TenantID, _ = v.(int)
	}
	if v, ok := mu.Field("unit_id"); ok {
		r.UnitID, _ = v.(int)
	}
	if v, ok := mu.Field("unit_path"); ok {
		r.UnitPath, _ = v.(string)
	}
	if v, ok := mu.Field("community_path"); ok {
		r.CommunityPath, _ = v.(string)
	}
	return r
}

// cacheable reports whether ctx can key a map: every context the standard
// library and gin make is a pointer, but a caller's own type might not be.
func cacheable(ctx context.Context) bool {
	return ctx != nil && reflect.TypeOf(ctx).Comparable()
}
