package tenancytest

import (
	"context"
	"fmt"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	"entgo.io/ent/schema/field"

	"yishi/ent"
	"yishi/ent/migrate"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// world is two tenants: a (with community a1) owns one seeded row in
// every tenant table; b (with community b1) is the outsider.
type world struct {
	st       *store.Store
	sys      context.Context
	a, a1    *ent.Unit
	b, b1    *ent.Unit
	entities map[string]entity
}

func newWorld(t *testing.T) world {
	t.Helper()
	w := world{st: testdb.Open(t), sys: viewer.SystemContext(context.Background())}
	err := store.WithTx(w.sys, w.st.Client, func(tx *ent.Tx) error {
		var err error
		if w.a, err = units.CreateTenant(w.sys, tx, units.Input{Name: "a", Code: "a"}); err != nil {
			return err
		}
		if w.a1, err = units.CreateChild(w.sys, tx, w.a, units.Input{Name: "a1", Code: "a1"}); err != nil {
			return err
		}
		if w.b, err = units.CreateTenant(w.sys, tx, units.Input{Name: "b", Code: "b"}); err != nil {
			return err
		}
		w.b1, err = units.CreateChild(w.sys, tx, w.b, units.Input{Name: "b1", Code: "b1"})
		return err
	})
	if err != nil {
		t.Fatalf("units: %v", err)
	}
	if _, err := w.st.Client.User.Create().SetPhone("13900000000").SetName("u").SetPasswordHash("x").Save(w.sys); err != nil {
		t.Fatalf("user: %v", err)
	}
	w.entities = entitiesByTable(t, w.st.Client, w.sys)
	return w
}

// tenantTables lists every table of the schema with a tenant_id column.
func tenantTables() []*schema.Table {
	var out []*schema.Table
	for _, tb := range migrate.Tables {
		if _, ok := tb.Column("tenant_id"); ok {
			out = append(out, tb)
		}
	}
	return out
}

// seedRow inserts one row of tenant a into tb with plain SQL, below ent,
// so the seed needs no per-entity code and passes no hook or policy:
// every NOT NULL column gets a value of its type, and the tenancy columns
// get a's. The row is enough for the isolation checks, which only filter
// on tenant_id.
func (w world) seedRow(t *testing.T, tb *schema.Table) {
	t.Helper()
	var cols []string
	var vals []any
	for _, c := range tb.Columns {
		v, ok := w.valueFor(tb, c)
		if !ok {
			continue
		}
		if ref := refTable(tb, c); ref != nil {
			v = w.anyID(t, ref)
		}
		cols = append(cols, c.Name)
		vals = append(vals, v)
	}
	q, args := entsql.Dialect(w.st.Dialect).Insert(tb.Name).Columns(cols...).Values(vals...).Query()
	if _, err := w.st.DB.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("seed %s: %v", tb.Name, err)
	}
}

// refTable is the table a foreign-key column points at, if any.
func refTable(tb *schema.Table, c *schema.Column) *schema.Table {
	for _, fk := range tb.ForeignKeys {
		if len(fk.Columns) == 1 && fk.Columns[0] == c {
			return fk.RefTable
		}
	}
	return nil
}

// anyID returns an existing id of ref, so a foreign key is satisfied.
func (w world) anyID(t *testing.T, ref *schema.Table) int {
	t.Helper()
	var id int
	q := fmt.Sprintf("SELECT MIN(id) FROM %s", ref.Name)
	if err := w.st.DB.QueryRowContext(context.Background(), q).Scan(&id); err != nil {
		t.Fatalf("seed: no row in %s for a foreign key: %v", ref.Name, err)
	}
	return id
}

// valueFor picks the seed value of one column; ok is false for columns
// left to the database (auto-increment ids, NULLs).
func (w world) valueFor(tb *schema.Table, c *schema.Column) (any, bool) {
	switch c.Name {
	case "tenant_id":
		return w.a.ID, true
	case "unit_id", "origin_unit_id":
		return w.a1.ID, true
	case "unit_path", "community_path", "origin_path", "domain":
		return w.a1.Path, true
	case "path":
		return w.a1.Path + "t9/", true
	}
	if c.Increment || (c.Nullable && c.Name != "id") {
		return nil, false
	}
	if len(tb.PrimaryKey) == 1 && tb.PrimaryKey[0] == c {
		return time.Now().UnixNano() % 1e12, true
	}
	switch c.Type {
	case field.TypeBool:
		return false, true
	case field.TypeInt, field.TypeInt8, field.TypeInt16, field.TypeInt32, field.TypeInt64,
		field.TypeUint, field.TypeUint8, field.TypeUint16, field.TypeUint32, field.TypeUint64:
		return 1, true
	case field.TypeFloat32, field.TypeFloat64:
		return 1.0, true
	case field.TypeTime:
		return time.Now().UTC(), true
	case field.TypeJSON:
		return "[]", true
	case field.TypeBytes:
		return []byte("x"), true
	case field.TypeEnum:
		return c.Enums[0], true
	default:
		s := fmt.Sprintf("t-%s-%s", tb.Name, c.Name)
		if c.Size > 0 && int64(len(s)) > c.Size {
			s = s[:c.Size]
		}
		return s, true
	}
}
