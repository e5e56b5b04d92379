package tenancytest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"yishi/ent/privacy"
	"yishi/internal/viewer"
)

// outsider is a staff member and resident of tenant b, with a user id no
// seeded row names, so owner rules ("a user sees their own") admit nothing.
func (w world) outsider() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{
		Subject: "u:999999", UserID: 999999,
		Scopes: []string{w.b.Path}, StaffScopes: []string{w.b.Path}, CommunityScopes: []string{w.b1.Path},
	})
}

// TestEveryTenantTableIsIsolated seeds one row of tenant a in every table
// with a tenant_id column and proves that nobody outside a reaches it.
//
// Drop the privacy policy (or the tenant mixin's policy) from one entity
// and this fails for its table: the query without a viewer returns the
// seeded row instead of being denied, the outsider counts it, the
// outsider's delete removes it, and (for an entity with no other rule)
// the create without a viewer fails on a missing field rather than
// privacy.Deny. TestDroppedPolicyIsCaught does exactly that to one entity.
func TestEveryTenantTableIsIsolated(t *testing.T) {
	w := newWorld(t)
	tables := tenantTables()
	if len(tables) < 20 {
		t.Fatalf("found %d tenant tables; the walk is broken", len(tables))
	}
	for _, tb := range tables {
		t.Run(tb.Name, func(t *testing.T) {
			e, ok := w.entities[tb.Name]
			if !ok {
				t.Fatalf("no ent client owns table %s", tb.Name)
			}
			w.seedRow(t, tb)
			for _, p := range w.isolationProblems(e) {
				t.Error(p)
			}
		})
	}
}

// isolationProblems runs checks (a) to (c) on one entity and says what
// leaked; an empty result means the table is isolated.
func (w world) isolationProblems(e entity) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, e.name+": "+fmt.Sprintf(format, args...)) }
	mine := tenantIs(w.a.ID)
	seeded, err := count(where(call(e.client, "Query")[0], mine), w.sys)
	if err != nil || seeded == 0 {
		return []string{fmt.Sprintf("%s: system sees %d seeded rows (%v)", e.name, seeded, err)}
	}
	// (a) No viewer: denied, or nothing.
	if n, err := count(where(call(e.client, "Query")[0], mine), context.Background()); err == nil && n > 0 {
		add("a query with no viewer returned %d rows", n)
	}
	// (b) A viewer of another tenant: nothing.
	if n, err := count(where(call(e.client, "Query")[0], mine), w.outsider()); err == nil && n > 0 {
		add("a viewer of another tenant read %d rows", n)
	}
	// (c) Writes: the outsider's update and delete reach no row...
	if n, err := w.outsiderUpdate(e); err == nil && n > 0 {
		add("a viewer of another tenant updated %d rows", n)
	}
	if n, err := intErr(call(where(call(e.client, "Delete")[0], mine), "Exec", reflect.ValueOf(w.outsider()))); err == nil && n > 0 {
		add("a viewer of another tenant deleted %d rows", n)
	}
	if n, _ := count(where(call(e.client, "Query")[0], mine), w.sys); n != seeded {
		add("rows of tenant a went from %d to %d", seeded, n)
	}
	// ...and a create with no viewer is refused by privacy, before any
	// validation could fail it for another reason.
	_, err = callSave(call(e.client, "Create")[0], context.Background())
	if !errors.Is(err, privacy.Deny) {
		add("a create with no viewer was not refused by privacy: %v", err)
	}
	return out
}

// outsiderUpdate updates tenant a's rows as the outsider, setting the
// first plain-typed field the update builder offers (an update that sets
// nothing would prove nothing). Entities with only immutable fields have
// no setter, and nothing to update.
func (w world) outsiderUpdate(e entity) (int, error) {
	u := where(call(e.client, "Update")[0], tenantIs(w.a.ID))
	if !setSomething(u) {
		return 0, nil
	}
	return intErr(call(u, "Save", reflect.ValueOf(w.outsider())))
}

// setSomething calls one SetX(v) of a basic type with a value that
// passes the usual validators (positive, non-empty).
func setSomething(u reflect.Value) bool {
	values := map[reflect.Type]reflect.Value{
		reflect.TypeOf(0):           reflect.ValueOf(1),
		reflect.TypeOf(""):          reflect.ValueOf("x"),
		reflect.TypeOf(true):        reflect.ValueOf(true),
		reflect.TypeOf(1.0):         reflect.ValueOf(1.0),
		reflect.TypeOf(time.Time{}): reflect.ValueOf(time.Now().UTC()),
	}
	ty := u.Type()
	for i := 0; i < ty.NumMethod(); i++ {
		m := ty.Method(i)
		if len(m.Name) < 4 || m.Name[:3] != "Set" || m.Type.NumIn() != 2 {
			continue
		}
		if v, ok := values[m.Type.In(1)]; ok {
			u.Method(i).Call([]reflect.Value{v})
			return true
		}
	}
	return false
}

// callSave runs builder.Save(ctx) and returns its error.
func callSave(b reflect.Value, ctx context.Context) (any, error) {
	out := call(b, "Save", reflect.ValueOf(ctx))
	if e := out[1]; !e.IsNil() {
		return nil, e.Interface().(error)
	}
	return out[0].Interface(), nil
}
