package handlers_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"yishi/openapi"
)

// FuzzAPIRequests is the HTTP-level fuzz target: the real router over a
// real database (in-memory SQLite, or PostgreSQL under
// YISHI_TEST_DATABASE_URL), a caller holding every role, and an operation
// of the spec chosen by op. id replaces the path's {id} when it is not
// empty (with no "/", which would leave the route), query is the raw
// query string and body the JSON body. Any 5xx, or a 4xx without a
// problem document, is a bug.
func FuzzAPIRequests(f *testing.F) {
	doc, err := openapi3.NewLoader().LoadFromData(openapi.OpenAPI3())
	if err != nil {
		f.Fatal(err)
	}
	type operation struct{ method, path string }
	var ops []operation
	for _, path := range doc.Paths.InMatchingOrder() {
		if !strings.HasPrefix(path, "/v1/") {
			continue
		}
		for method := range doc.Paths.Value(path).Operations() {
			ops = append(ops, operation{method, path})
		}
	}
	slices.SortFunc(ops, func(a, b operation) int { return strings.Compare(a.method+a.path, b.method+b.path) })
	w := newHostileWorld(f)
	f.Fuzz(func(t *testing.T, op uint8, id, query string, body []byte) {
		o := ops[int(op)%len(ops)]
		target := o.path
		for _, name := range []string{"id", "action"} {
			v := fmt.Sprint(idsFor(w, o.path)[0])
			if name == "action" {
				v = "submit"
			}
			if name == "id" && id != "" && !strings.ContainsAny(id, "/?#") {
				v = id
			}
			target = strings.Replace(target, "{"+name+"}", v, 1)
		}
		if query != "" && !strings.ContainsAny(query, "#") {
			target += "?" + query
		}
		rec := w.send(o.method, target, "application/json", body, nil)
		if bad := verdict(o.path, rec); bad != "" {
			t.Fatalf("%s %q body %q: %d, %s: %.300s", o.method, target, body, rec.Code, bad, rec.Body.String())
		}
	})
}
