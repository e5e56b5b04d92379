package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"yishi/internal/viewer"
)

func TestUnitsCreate201(t *testing.T) {
	w := newWorld(t)
	u := w.do("GET", unitPath(w.A1g1, ""), w.adminA.Token, nil).want(200).obj()
	if u["level"] != "grid" || u["path"] != fmt.Sprintf("s%d/c%d/g%d/", w.A, w.A1, w.A1g1) || int(u["tenant_id"].(float64)) != w.A {
		t.Fatalf("grid = %v", u)
	}
	page := w.do("GET", unitPath(w.A, "/children"), w.adminA.Token, nil).want(200).obj()
	if items := page["items"].([]any); len(items) != 2 {
		t.Fatalf("children = %v", page)
	}
	// A lead creates nothing: unit:create belongs to tenant_admin.
	w.do("POST", unitPath(w.A1, "/children"), w.leadA1.Token, map[string]string{"name": "x", "code": "x"}).want(403)
}

func TestUnitsChildrenPaginate(t *testing.T) {
	w := newWorld(t)
	for i := 0; i < 5; i++ {
		w.createChild(w.adminA, w.A2, fmt.Sprintf("网格%d", i), fmt.Sprintf("p%d", i))
	}
	seen := map[float64]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		body := w.do("GET", unitPath(w.A2, "/children?limit=2&cursor="+cursor), w.adminA.Token, nil).want(200).obj()
		for _, it := range body["items"].([]any) {
			seen[it.(map[string]any)["id"].(float64)] = true
		}
		cursor = body["next_cursor"].(string)
		if cursor == "" {
			break
		}
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
	}
	if len(seen) != 6 {
		t.Fatalf("saw %d children, want 6", len(seen))
	}
	w.do("GET", unitPath(w.A2, "/children?limit=0"), w.adminA.Token, nil).want(400)
	w.do("GET", unitPath(w.A2, "/children?cursor=!!"), w.adminA.Token, nil).want(400)
}

func TestUnitsCreate409(t *testing.T) {
	w := newWorld(t)
	w.do("POST", unitPath(w.A, "/children"), w.adminA.Token, map[string]string{"name": "重名", "code": "jinhua"}).want(409)
	w.do("POST", "/v1/tenants", w.platform.Token, map[string]string{"name": "重名", "code": "shengli"}).want(409)
	// The same code under another parent is fine.
	w.createChild(w.adminA, w.A2, "锦华", "jh-g1")
	p := w.do("POST", unitPath(w.A1g1, "/children"), w.adminA.Token, map[string]string{"name": "楼", "code": "b1"}).want(422).obj()
	if p["code"] != "unit.no_child_level" {
		t.Fatalf("problem = %v", p)
	}
}

func TestUnitsCreate400WritesNothing(t *testing.T) {
	w := newWorld(t)
	ctx := viewer.SystemContext(context.Background())
	before := w.st.Client.Unit.Query().CountX(ctx)
	huge := strings.Repeat("名", 340_000) // ~1 MB of UTF-8
	cases := []struct {
		name, body, field string
	}{
		{"malformed", `{"name": "x", "code": `, "body"},
		{"unknown field", `{"name":"x","code":"x","colour":"red"}`, "colour"},
		{"empty name", `{"name":"","code":"x"}`, "name"},
		{"blank name", `{"name":"   ","code":"x"}`, "name"},
		{"huge name", `{"name":"` + huge + `","code":"x"}`, "name"},
		{"code with spaces", `{"name":"x","code":"a b"}`, "code"},
		{"wrong type", `{"name":1,"code":"x"}`, "name"},
		{"empty body", ``, "body"},
		{"two objects", `{"name":"x","code":"x"}{}`, "body"},
		{"too large", `{"name":"` + strings.Repeat("a", 1<<20) + `","code":"x"}`, "body"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, path := range []string{"/v1/tenants", unitPath(w.A, "/children")} {
				tok := w.adminA.Token
				if path == "/v1/tenants" {
					tok = w.platform.Token
				}
				r := w.do("POST", path, tok, tc.body).want(400)
				if ct := r.Header().Get("Content-Type"); ct != "application/problem+json" {
					t.Fatalf("content type %q", ct)
				}
				if !namesField(r.obj(), tc.field) {
					t.Fatalf("%s: problem does not name %q: %s", path, tc.field, r.Body.String())
				}
			}
		})
	}
	if after := w.st.Client.Unit.Query().CountX(ctx); after != before {
		t.Fatalf("bad input wrote units: %d → %d", before, after)
	}
}

func namesField(p map[string]any, field string) bool {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if e.(map[string]any)["field"] == field {
			return true
		}
	}
	return false
}

func TestUnitsGet404(t *testing.T) {
	w := newWorld(t)
	for _, path := range []string{"/v1/units/abc", "/v1/units/0", "/v1/units/-3", "/v1/units/999999", "/v1/units/99999999999999999999"} {
		p := w.do("GET", path, w.adminA.Token, nil).want(404).obj()
		if p["code"] != "unit.not_found" {
			t.Fatalf("%s: %v", path, p)
		}
	}
}

// TestUnitsCommunityWideLists404LikeMissingUnit: the community-wide lists
// read their unit unscoped, so a caller from another tenant or community
// must get the very 404 a missing id gets; a different code
// (proposal.not_found instead of unit.not_found) would confirm the unit
// exists.
func TestUnitsCommunityWideLists404LikeMissingUnit(t *testing.T) {
	w := newWorld(t)
	for _, suffix := range []string{"/proposals", "/meetings", "/venues", "/votes"} {
		missing := w.do("GET", unitPath(987654, suffix), w.adminB.Token, nil).want(404).obj()
		for name, p := range map[string]person{"other tenant": w.adminB, "sibling community": w.leadA2} {
			got := w.do("GET", unitPath(w.A1g1, suffix), p.Token, nil).want(404).obj()
			if got["code"] != missing["code"] || got["detail"] != missing["detail"] {
				t.Errorf("%s %s: 404 %v differs from a missing unit's %v", name, suffix, got, missing)
			}
		}
	}
}
