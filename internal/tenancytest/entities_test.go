// Package tenancytest proves tenant isolation table by table, without
// naming the tables: it walks ent/migrate.Tables, finds every table with a
// tenant_id column, and reaches each through ent's own client by
// reflection. A new tenant-owned entity is therefore covered the day it is
// added, and one that forgets its privacy policy fails here.
package tenancytest

import (
	"context"
	"reflect"
	"testing"

	entsql "entgo.io/ent/dialect/sql"

	"yishi/ent"
)

// entity is one generated XClient, found by reflection on *ent.Client.
type entity struct {
	name   string
	client reflect.Value
}

// entitiesByTable maps every table name to the client that owns it. The
// table name is learnt from the selector ent builds for a query, so no
// hand-written list can fall out of date.
func entitiesByTable(t *testing.T, c *ent.Client, sys context.Context) map[string]entity {
	t.Helper()
	out := map[string]entity{}
	v := reflect.ValueOf(c).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() || f.Kind() != reflect.Pointer || !f.MethodByName("Query").IsValid() {
			continue
		}
		var table string
		q := call(f, "Query")[0]
		q = where(q, func(s *entsql.Selector) { table = s.TableName() })
		if _, err := count(q, sys); err != nil {
			t.Fatalf("%s: count as system: %v", v.Type().Field(i).Name, err)
		}
		out[table] = entity{name: v.Type().Field(i).Name, client: f}
	}
	return out
}

// call invokes a method by name; the generated builders have no common
// interface, so reflection is the only generic handle.
func call(v reflect.Value, method string, args ...reflect.Value) []reflect.Value {
	return v.MethodByName(method).Call(args)
}

// where applies a raw selector predicate through a builder's typed
// Where(...predicate.X): every predicate.X is a func(*sql.Selector).
func where(builder reflect.Value, p func(*entsql.Selector)) reflect.Value {
	m := builder.MethodByName("Where")
	arg := reflect.ValueOf(p).Convert(m.Type().In(0).Elem())
	return m.Call([]reflect.Value{arg})[0]
}

// tenantIs restricts a query, update or delete to one tenant's rows.
func tenantIs(id int) func(*entsql.Selector) {
	return func(s *entsql.Selector) { s.Where(entsql.EQ(s.C("tenant_id"), id)) }
}

// count runs builder.Count(ctx).
func count(q reflect.Value, ctx context.Context) (int, error) {
	return intErr(call(q, "Count", reflect.ValueOf(ctx)))
}

// intErr unpacks the (int, error) most builders return.
func intErr(out []reflect.Value) (int, error) {
	var err error
	if e := out[1]; !e.IsNil() {
		err = e.Interface().(error)
	}
	return int(out[0].Int()), err
}
