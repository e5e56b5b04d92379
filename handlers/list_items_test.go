package handlers_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"yishi/ent/auditlog"
	"yishi/internal/viewer"
)

func codes(items []listItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.str("code"))
	}
	return out
}

func TestListItemsDefaultsOnTenantCreate(t *testing.T) {
	w := newWorld(t)
	for _, tenant := range []struct {
		id    int
		admin person
	}{{w.A, w.adminA}, {w.B, w.adminB}} {
		enc := w.listItems(tenant.admin, tenant.id, "?kind=encouraged")
		neg := w.listItems(tenant.admin, tenant.id, "?kind=negative&limit=5")
		if got := codes(enc); !slices.Equal(got, []string{"E01", "E02", "E03", "E04", "E05", "E06"}) {
			t.Fatalf("encouraged = %v", got)
		}
		if len(neg) != 13 || neg[0].str("code") != "N01" || neg[12].str("code") != "N13" {
			t.Fatalf("negative = %v", codes(neg))
		}
		for _, it := range append(enc, neg...) {
			if int(it["tenant_id"].(float64)) != tenant.id || it.str("status") != "active" || it.str("title_en") == "" {
				t.Fatalf("item = %v", it)
			}
		}
	}
	if e := w.listItems(w.adminA, w.A, "?kind=encouraged")[0]; e.str("title") != "建设类" || e.str("title_en") != "Construction" {
		t.Fatalf("E01 = %v", e)
	}
}

func TestListItemsReadAnywhereInTenant200(t *testing.T) {
	w := newWorld(t)
	implementer := w.withRole("物业公司", "implementer", w.A2g1)
	for name, p := range map[string]person{"lead": w.leadA1, "reviewer": w.reviewerA1, "guide": w.guideA1g1,
		"resident": w.resA1g1, "sibling lead": w.leadA2, "implementer": implementer} {
		if items := w.listItems(p, w.A, ""); len(items) != 19 {
			t.Fatalf("%s read %d items, want 19", name, len(items))
		}
		r := w.do("GET", listItemPath(w.listItems(p, w.A, "")[7].id()), p.Token, nil).want(200)
		if r.Header().Get("ETag") == "" || r.Header().Get("ETag") != r.obj()["etag"] {
			t.Fatalf("%s: ETag header %q, body %v", name, r.Header().Get("ETag"), r.obj()["etag"])
		}
	}
}

func TestListItemsCreateAndRetire(t *testing.T) {
	w := newWorld(t)
	r := w.do("POST", listItemsPath(w.A, ""), w.adminA.Token, map[string]any{"kind": "negative", "code": "N14",
		"title": "  涉及物业公司内部管理的事项 ", "title_en": "Property companies' internal management",
		"keywords": []string{"物业内部", "员工工资"}}).want(201)
	it := listItem(r.obj())
	if it.str("title") != "涉及物业公司内部管理的事项" || it["position"].(float64) != 14 || r.Header().Get("ETag") != it.str("etag") {
		t.Fatalf("created %v, ETag %q", it, r.Header().Get("ETag"))
	}
	if r.Header().Get("Location") != listItemPath(it.id()) {
		t.Fatalf("Location %q", r.Header().Get("Location"))
	}
	w.do("POST", listItemsPath(w.A, ""), w.adminA.Token, map[string]any{"kind": "encouraged", "code": "E07",
		"title": "平安建设"}).want(201)
	r = w.do("PATCH", listItemPath(it.id()), w.adminA.Token, map[string]any{"status": "retired", "keywords": []string{"物业内部"}}).want(200)
	if p := listItem(r.obj()); p.str("status") != "retired" || p.str("code") != "N14" || len(p["keywords"].([]any)) != 1 {
		t.Fatalf("patched %v", p)
	}
	if got := codes(w.listItems(w.resA1g1, w.A, "?status=retired")); !slices.Equal(got, []string{"N14"}) {
		t.Fatalf("retired = %v", got)
	}
	if n := len(w.listItems(w.resA1g1, w.A, "?status=active")); n != 20 {
		t.Fatalf("active = %d, want 19 defaults + E07", n)
	}
	ctx := viewer.SystemContext(context.Background())
	for _, action := range []string{"list_item.create", "list_item.update"} {
		if !w.st.Client.AuditLog.Query().Where(auditlog.Action(action), auditlog.TargetID(it.id())).ExistX(ctx) {
			t.Fatalf("no %s audit entry", action)
		}
	}
}

func TestListItemsChange403InsideTenant(t *testing.T) {
	w := newWorld(t)
	id := w.listItems(w.adminA, w.A, "")[0].id()
	body := map[string]any{"kind": "encouraged", "code": "E09", "title": "x"}
	for name, p := range map[string]person{"lead": w.leadA1, "reviewer": w.reviewerA1, "guide": w.guideA1g1,
		"resident": w.resA1g1, "sibling lead": w.leadA2, "platform": w.platform} {
		if c := w.do("POST", listItemsPath(w.A, ""), p.Token, body).Code; c != 403 {
			t.Fatalf("%s create = %d, want 403", name, c)
		}
		if c := w.do("PATCH", listItemPath(id), p.Token, map[string]any{"status": "retired"}).Code; c != 403 {
			t.Fatalf("%s patch = %d, want 403", name, c)
		}
	}
	if n := len(w.listItems(w.adminA, w.A, "?status=active")); n != 19 {
		t.Fatalf("refused changes wrote: %d active items", n)
	}
}

func TestListItemsOtherTenant404(t *testing.T) {
	w := newWorld(t)
	idA := w.listItems(w.adminA, w.A, "")[0].id()
	for _, p := range []person{w.adminB, w.leadB1} {
		for _, call := range []struct{ method, path, code string }{
			{"GET", listItemsPath(w.A, ""), "tenant.not_found"},
			{"POST", listItemsPath(w.A, ""), "tenant.not_found"},
			{"GET", listItemPath(idA), "list_item.not_found"},
			{"PATCH", listItemPath(idA), "list_item.not_found"},
		} {
			body := map[string]any{"kind": "negative", "code": "N20", "title": "x", "keywords": []string{"x"}}
			if got := w.do(call.method, call.path, p.Token, body).want(404).obj()["code"]; got != call.code {
				t.Fatalf("%s %s: code %v", call.method, call.path, got)
			}
		}
	}
	// A community or grid id names no tenant, even for the tenant's admin.
	for _, id := range []int{w.A1, w.A1g1, 999999} {
		w.do("GET", listItemsPath(id, ""), w.adminA.Token, nil).want(404)
		w.do("POST", listItemsPath(id, ""), w.adminA.Token, map[string]any{"kind": "encouraged", "code": "E09", "title": "x"}).want(404)
	}
	w.do("GET", listItemPath(999999), w.adminA.Token, nil).want(404)
	w.do("GET", "/v1/list-items/abc", w.adminA.Token, nil).want(404)
}

func TestListItemsCreate409(t *testing.T) {
	w := newWorld(t)
	p := w.do("POST", listItemsPath(w.A, ""), w.adminA.Token, map[string]any{"kind": "negative", "code": "N02",
		"title": "重复", "keywords": []string{"重复"}}).want(409).obj()
	if p["code"] != "list_item.code_taken" {
		t.Fatalf("problem = %v", p)
	}
	// Retired codes stay reserved; the other kind and the other tenant are separate.
	id := w.listItems(w.adminA, w.A, "?kind=negative")[0].id()
	w.do("PATCH", listItemPath(id), w.adminA.Token, map[string]any{"status": "retired"}).want(200)
	w.do("POST", listItemsPath(w.A, ""), w.adminA.Token, map[string]any{"kind": "negative", "code": "N01",
		"title": "重复", "keywords": []string{"重复"}}).want(409)
	w.do("POST", listItemsPath(w.A, ""), w.adminA.Token, map[string]any{"kind": "encouraged", "code": "N01", "title": "另一类"}).want(201)
	w.do("POST", listItemsPath(w.B, ""), w.adminB.Token, map[string]any{"kind": "negative", "code": "N14",
		"title": "B的新项", "keywords": []string{"新项"}}).want(201)
	w.do("POST", listItemsPath(w.A, ""), w.adminA.Token, map[string]any{"kind": "negative", "code": "N14",
		"title": "A的新项", "keywords": []string{"新项"}}).want(201)
}

func TestListItemsPatch412Stale(t *testing.T) {
	w := newWorld(t)
	it := w.listItems(w.adminA, w.A, "?kind=negative")[1]
	old := it.str("etag")
	r := w.doIfMatch("PATCH", listItemPath(it.id()), w.adminA.Token, old, map[string]any{"title": "已进入诉讼或仲裁程序的事项"}).want(200)
	fresh := r.Header().Get("ETag")
	if fresh == "" || fresh == old || fresh != listItem(r.obj()).str("etag") {
		t.Fatalf("ETag %q after %q", fresh, old)
	}
	p := w.doIfMatch("PATCH", listItemPath(it.id()), w.adminA.Token, old, map[string]any{"title": "旧副本"}).want(412).obj()
	if p["code"] != "list_item.stale" {
		t.Fatalf("problem = %v", p)
	}
	got := listItem(w.do("GET", listItemPath(it.id()), w.adminA.Token, nil).want(200).obj())
	if got.str("title") != "已进入诉讼或仲裁程序的事项" || got.str("etag") != fresh {
		t.Fatalf("after 412: %v, want title unchanged and etag %s", got, fresh)
	}
	// Weakened by a proxy, listed among others, or "*": all match.
	r = w.doIfMatch("PATCH", listItemPath(it.id()), w.adminA.Token, `"x", W/`+fresh, map[string]any{"title_en": "Litigation"}).want(200)
	w.doIfMatch("PATCH", listItemPath(it.id()), w.adminA.Token, "*", map[string]any{"description": "改"}).want(200)
	w.doIfMatch("PATCH", listItemPath(it.id()), w.adminA.Token, r.Header().Get("ETag"), map[string]any{"description": "再改"}).want(412)
}

func TestListItemsBadInput400WritesNothing(t *testing.T) {
	w := newWorld(t)
	ctx := viewer.SystemContext(context.Background())
	before := w.st.Client.ListItem.Query().CountX(ctx)
	many := make([]string, 51)
	for i := range many {
		many[i] = fmt.Sprintf("词%d", i)
	}
	for _, tc := range []struct {
		name  string
		body  any
		field string
	}{
		{"unknown field", `{"kind":"encouraged","code":"E09","title":"x","colour":"red"}`, "colour"},
		{"bad kind", map[string]any{"kind": "neutral", "code": "E09", "title": "x"}, "kind"},
		{"bad code", map[string]any{"kind": "encouraged", "code": "E 09", "title": "x"}, "code"},
		{"long code", map[string]any{"kind": "encouraged", "code": strings.Repeat("E", 65), "title": "x"}, "code"},
		{"blank title", map[string]any{"kind": "encouraged", "code": "E09", "title": "  "}, "title"},
		{"long title", map[string]any{"kind": "encouraged", "code": "E09", "title": strings.Repeat("长", 201)}, "title"},
		{"long title_en", map[string]any{"kind": "encouraged", "code": "E09", "title": "x", "title_en": strings.Repeat("a", 201)}, "title_en"},
		{"long description", map[string]any{"kind": "encouraged", "code": "E09", "title": "x", "description": strings.Repeat("述", 2001)}, "description"},
		{"negative without keywords", map[string]any{"kind": "negative", "code": "N20", "title": "x"}, "keywords"},
		{"blank keyword", map[string]any{"kind": "negative", "code": "N20", "title": "x", "keywords": []string{"法院", " "}}, "keywords"},
		{"long keyword", map[string]any{"kind": "negative", "code": "N20", "title": "x", "keywords": []string{strings.Repeat("词", 33)}}, "keywords"},
		{"duplicate keyword", map[string]any{"kind": "negative", "code": "N20", "title": "x", "keywords": []string{"App", "app"}}, "keywords"},
		{"too many keywords", map[string]any{"kind": "negative", "code": "N20", "title": "x", "keywords": many}, "keywords"},
		{"keywords not a list", `{"kind":"negative","code":"N20","title":"x","keywords":"法院"}`, "keywords"},
	} {
		r := w.do("POST", listItemsPath(w.A, ""), w.adminA.Token, tc.body).want(400)
		if !namesField(r.obj(), tc.field) {
			t.Fatalf("%s: problem does not name %q: %s", tc.name, tc.field, r.Body.String())
		}
	}
	neg := w.listItems(w.adminA, w.A, "?kind=negative")[0]
	for _, tc := range []struct {
		name, body, field string
	}{
		{"empty patch", `{}`, "body"},
		{"unknown field", `{"code":"N99"}`, "code"},
		{"bad status", `{"status":"deleted"}`, "status"},
		{"blank title", `{"title":""}`, "title"},
		{"negative emptied", `{"keywords":[]}`, "keywords"},
	} {
		r := w.do("PATCH", listItemPath(neg.id()), w.adminA.Token, tc.body).want(400)
		if !namesField(r.obj(), tc.field) {
			t.Fatalf("%s: problem does not name %q: %s", tc.name, tc.field, r.Body.String())
		}
	}
	for _, q := range []string{"?kind=x", "?status=gone", "?limit=0", "?cursor=!!"} {
		w.do("GET", listItemsPath(w.A, q), w.adminA.Token, nil).want(400)
	}
	if after := w.st.Client.ListItem.Query().CountX(ctx); after != before {
		t.Fatalf("bad input wrote list items: %d → %d", before, after)
	}
	if got := listItem(w.do("GET", listItemPath(neg.id()), w.adminA.Token, nil).obj()); got.str("etag") != neg.str("etag") {
		t.Fatalf("bad patches changed the item: %v", got)
	}
}
