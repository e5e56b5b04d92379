package handlers

import (
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
)

// TestRouterRefusesUndeclaredRoutes: a route registered beside the table
// (so with no declared access) or declared twice stops NewRouter.
func TestRouterRefusesUndeclaredRoutes(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	s := &server{}
	table := s.routeTable()
	r := gin.New()
	for _, rt := range table {
		r.Handle(rt.Method, rt.Path, func(*gin.Context) {})
	}
	if err := checkDeclared(r, table); err != nil {
		t.Fatalf("the table itself is refused: %v", err)
	}
	r.GET("/v1/sneaky", func(*gin.Context) {})
	err := checkDeclared(r, table)
	if err == nil || !strings.Contains(err.Error(), "GET /v1/sneaky") {
		t.Fatalf("undeclared route accepted: %v", err)
	}
	// A line that forgot its rule has the zero mode, which is not public.
	forgot := append(append([]route{}, table...), route{Method: "GET", Path: "/v1/forgot"})
	r3 := gin.New()
	for _, rt := range forgot {
		r3.Handle(rt.Method, rt.Path, func(*gin.Context) {})
	}
	if err := checkDeclared(r3, forgot); err == nil || !strings.Contains(err.Error(), "GET /v1/forgot (no mode)") {
		t.Fatalf("a route with no mode was accepted: %v", err)
	}
	twice := append(append([]route{}, table...), table[0])
	r2 := gin.New()
	for _, rt := range table {
		r2.Handle(rt.Method, rt.Path, func(*gin.Context) {})
	}
	if err := checkDeclared(r2, twice); err == nil {
		t.Fatal("a route declared twice was accepted")
	}
}

// TestEveryRouteDeclaresAccess: each line of the table has a handler, a
// rule (or one per action) and, unless public or signed-in, a permission
// and a target to decide it on.
func TestEveryRouteDeclaresAccess(t *testing.T) {
	for _, rt := range (&server{}).routeTable() {
		key := rt.Method + " " + rt.Path
		if rt.Handle == nil {
			t.Errorf("%s: no handler", key)
		}
		if rt.Actions != nil {
			if len(rt.ActionOrder) != len(rt.Actions) {
				t.Errorf("%s: ActionOrder lists %d actions, Actions has %d", key, len(rt.ActionOrder), len(rt.Actions))
			}
			for _, a := range rt.ActionOrder {
				r, ok := rt.Actions[a]
				if !ok {
					t.Errorf("%s: action %s has no rule", key, a)
				}
				checkRule(t, key+" "+a, rt, r.Perm.String(), int(r.Mode))
			}
			continue
		}
		checkRule(t, key, rt, rt.Rule.Perm.String(), int(rt.Rule.Mode))
	}
}

func checkRule(t *testing.T, key string, rt route, perm string, mode int) {
	t.Helper()
	public := mode == int(access.Public) || mode == int(access.SignedIn)
	if public && (perm != "" || rt.Load.Load != nil) {
		t.Errorf("%s: a public or signed-in route declares a permission or target", key)
	}
	if !public && perm == "" {
		t.Errorf("%s: no permission declared", key)
	}
	if !public && rt.Load.Load == nil && !strings.HasPrefix(perm, "tenant:") {
		t.Errorf("%s: no target to decide %s on", key, perm)
	}
}
