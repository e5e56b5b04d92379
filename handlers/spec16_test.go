package handlers_test

import (
	"fmt"
	"testing"
)

// TestDocsRedirectAndNever500: /docs and /docs/ lead to the Swagger UI
// page, doc.json to /swagger.json, and every other path is 200 or 404.
func TestDocsRedirectAndNever500(t *testing.T) {
	a := newAPI(t)
	for _, p := range []string{"/docs", "/docs/"} {
		r := a.do("GET", p, "", nil)
		if r.Code != 301 && r.Code != 307 {
			t.Fatalf("GET %s = %d, want a redirect", p, r.Code)
		}
		loc := r.Header().Get("Location")
		if p == "/docs/" && loc != "/docs/index.html" {
			t.Errorf("GET %s redirects to %q, want /docs/index.html", p, loc)
		}
		if p == "/docs" && loc != "/docs/" && loc != "/docs/index.html" {
			t.Errorf("GET %s redirects to %q", p, loc)
		}
	}
	if loc := a.do("GET", "/docs/doc.json", "", nil).want(301).Header().Get("Location"); loc != "/swagger.json" {
		t.Errorf("doc.json redirects to %q", loc)
	}
	a.do("GET", "/docs/index.html", "", nil).want(200)
	a.do("GET", "/docs/swagger-ui.css", "", nil).want(200)
	for _, p := range []string{"/docs/nope", "/docs/x/index.html", "/docs/index.html/../doc.json", "/docs/..%2fswagger.json", "/docs/index.htm"} {
		if got := a.do("GET", p, "", nil).Code; got != 404 && got != 301 {
			t.Errorf("GET %s = %d, want 404", p, got)
		}
	}
	// After odd first requests the UI still serves its page.
	a.do("GET", "/docs/index.html?x=/evil/index.html", "", nil).want(200)
}

// TestActionRoutes405WithAllow: a path that is a route of other methods
// answers 405 with Allow, not the action route's 404.
func TestActionRoutes405WithAllow(t *testing.T) {
	a := newAPI(t)
	p := a.newPerson("someone")
	for path, allow := range map[string]string{"/v1/meetings/1/minutes": "GET, PUT", "/v1/proposals/1/events": "GET"} {
		r := a.do("POST", path, p.Token, map[string]any{}).want(405)
		if got := r.Header().Get("Allow"); got != allow {
			t.Errorf("POST %s: Allow = %q, want %q", path, got, allow)
		}
		if r.obj()["code"] != "route.method_not_allowed" {
			t.Errorf("POST %s: %s", path, r.Body.String())
		}
	}
	if r := a.do("POST", "/v1/proposals/1/fly", p.Token, map[string]any{}); r.Code != 404 {
		t.Errorf("an unknown action = %d, want 404", r.Code)
	}
}

// TestNullBodyAndNullFields400: null is not "absent": a null body, or
// null in a member that is not a list, is 400 naming it; a malformed
// timestamp names its field.
func TestNullBodyAndNullFields400(t *testing.T) {
	w := newWorld(t)
	path := unitPath(w.A1g1, "/proposals")
	fields := func(r response) []string {
		var out []string
		for _, e := range r.obj()["errors"].([]any) {
			out = append(out, e.(map[string]any)["field"].(string))
		}
		return out
	}
	if got := fields(w.do("POST", path, w.resA1g1.Token, "null").want(400)); fmt.Sprint(got) != "[body]" {
		t.Errorf("null body: fields %v", got)
	}
	body := `{"title":null,"body":"楼道太暗","kind":"individual","channel":"online"}`
	if got := fields(w.do("POST", path, w.resA1g1.Token, body).want(400)); fmt.Sprint(got) != "[title]" {
		t.Errorf("null title: fields %v", got)
	}
	body = `{"title":"联名","body":"楼道太暗","kind":"joint","channel":"online","cosign_threshold":3,"cosign_deadline":"next tuesday"}`
	if got := fields(w.do("POST", path, w.resA1g1.Token, body).want(400)); fmt.Sprint(got) != "[cosign_deadline]" {
		t.Errorf("bad timestamp: fields %v", got)
	}
}
