package handlers_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"yishi/handlers"
	"yishi/handlers/accessdoc"
	"yishi/openapi"
)

// accessTable is handlers.AccessTable or the test's end.
func accessTable(t *testing.T) []handlers.RouteAccess {
	t.Helper()
	table, err := handlers.AccessTable()
	if err != nil {
		t.Fatalf("AccessTable: %v", err)
	}
	return table
}

// TestPermissionsDocIsCurrent fails when docs/PERMISSIONS.md is not what
// the route table generates, so `go test ./...` catches a table change
// without a regenerated document.
func TestPermissionsDocIsCurrent(t *testing.T) {
	want, err := accessdoc.Markdown(accessTable(t))
	if err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	got, err := os.ReadFile("../docs/PERMISSIONS.md")
	if err != nil {
		t.Fatalf("read docs/PERMISSIONS.md: %v (run scripts/gen)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("docs/PERMISSIONS.md is stale (run scripts/gen); first difference at line %d:\n have %q\n want %q", i+1, g, w)
		}
	}
}

// TestSpecCarriesTablePermissions fails when an operation of the served
// specs lacks the x-permission, x-permission-mode or description line the
// route table gives it, or when spec and table list different routes.
func TestSpecCarriesTablePermissions(t *testing.T) {
	table := accessTable(t)
	for name, spec := range map[string][]byte{"openapi.json": openapi.OpenAPI3(), "swagger.json": openapi.Swagger()} {
		ops := specOperations(t, name, spec)
		for _, r := range table {
			key := r.Method + " " + r.OpenAPIPath
			op, ok := ops[key]
			if !ok {
				t.Errorf("%s: %s is in the route table but not in the spec (run scripts/gen)", name, key)
				continue
			}
			delete(ops, key)
			if !sameJSON(t, op[accessdoc.PermissionExtension], accessdoc.XPermission(r)) {
				t.Errorf("%s: %s x-permission = %s, the route table says %v (run scripts/gen)", name, key, op[accessdoc.PermissionExtension], accessdoc.XPermission(r))
			}
			if !sameJSON(t, op[accessdoc.ModeExtension], accessdoc.XPermissionMode(r)) {
				t.Errorf("%s: %s x-permission-mode = %s, the route table says %v (run scripts/gen)", name, key, op[accessdoc.ModeExtension], accessdoc.XPermissionMode(r))
			}
			var desc string
			_ = json.Unmarshal(op["description"], &desc)
			if line := accessdoc.DescriptionLine(r); !strings.HasSuffix(desc, line) {
				t.Errorf("%s: %s description does not end in %q (run scripts/gen)", name, key, line)
			}
		}
		for key := range ops {
			t.Errorf("%s: %s is in the spec but not in the route table", name, key)
		}
	}
}

// specOperations maps "METHOD /path" to each operation's members.
func specOperations(t *testing.T, name string, spec []byte) map[string]map[string]json.RawMessage {
	t.Helper()
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(spec, &doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]map[string]json.RawMessage{}
	for p, item := range doc.Paths {
		for _, m := range []string{"get", "put", "post", "delete", "options", "head", "patch"} {
			raw, ok := item[m]
			if !ok {
				continue
			}
			var op map[string]json.RawMessage
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatalf("%s: %s %s: %v", name, m, p, err)
			}
			out[strings.ToUpper(m)+" "+p] = op
		}
	}
	return out
}

// sameJSON reports whether raw encodes the same value as v.
func sameJSON(t *testing.T, raw json.RawMessage, v any) bool {
	t.Helper()
	if raw == nil {
		return false
	}
	want, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if json.Unmarshal(raw, &a) != nil || json.Unmarshal(want, &b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

// TestEveryDeclaredPermissionIsHeld fails when a route declares a
// permission no role of authz/policy.csv holds: nobody could call it.
func TestEveryDeclaredPermissionIsHeld(t *testing.T) {
	for _, r := range accessTable(t) {
		rules := []handlers.RuleAccess{r.Rule}
		if r.Actions != nil {
			rules = rules[:0]
			for _, a := range r.Actions {
				rules = append(rules, a.Rule)
			}
		}
		for _, rule := range rules {
			for alt := &rule; alt != nil; alt = alt.Or {
				if len(alt.Roles) == 0 {
					t.Errorf("%s %s: no role holds %q (mode %s)", r.Method, r.Path, alt.Permission, alt.Mode)
				}
			}
		}
	}
}
