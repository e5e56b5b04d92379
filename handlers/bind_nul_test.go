package handlers_test

import (
	"strings"
	"testing"
)

// TestNULAndWrongShapes400: a NUL in any JSON string or query parameter is
// a 400 naming it (PostgreSQL text cannot hold NUL), and a body of the
// wrong JSON shape names "body" without Go type names.
func TestNULAndWrongShapes400(t *testing.T) {
	w := newWorld(t)
	r := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token,
		`{"title":"爱心椅\u0000","body":"x","kind":"individual","channel":"online"}`).want(400)
	if !namesField(r.obj(), "title") {
		t.Fatalf("NUL title: %s", r.Body.String())
	}
	r = w.do("GET", unitPath(w.A1, "/proposals?q=%00"), w.leadA1.Token, nil).want(400)
	if !namesField(r.obj(), "q") {
		t.Fatalf("NUL query: %s", r.Body.String())
	}
	r = w.do("POST", unitPath(w.A, "/children"), w.adminA.Token, `["a"]`).want(400)
	if !namesField(r.obj(), "body") || contains(r.Body.String(), "handlers.") {
		t.Fatalf("array body: %s", r.Body.String())
	}
	r = w.do("POST", unitPath(w.A, "/children"), w.adminA.Token, `{"name":5,"code":"x"}`).want(400)
	if !contains(r.Body.String(), "string") || contains(r.Body.String(), "handlers.") {
		t.Fatalf("wrong type: %s", r.Body.String())
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// TestQueryNotUTF8Is400: PostgreSQL refuses bytes that are not UTF-8 in a
// query parameter, so ?category=%FF answered 500 there; it is a 400 naming
// the parameter on both databases.
func TestQueryNotUTF8Is400(t *testing.T) {
	w := newWorld(t)
	r := w.do("GET", unitPath(w.A1, "/proposals?category=%FF%FE"), w.leadA1.Token, nil).want(400)
	if !namesField(r.obj(), "category") {
		t.Fatalf("not UTF-8: %s", r.Body.String())
	}
}
