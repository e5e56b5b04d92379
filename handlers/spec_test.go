package handlers_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"yishi/openapi"
)

// TestSpecListsExactlyTheRouterRoutes fails when a route is added without
// swag annotations, or annotations outlive their route. Run scripts/gen
// after changing either.
func TestSpecListsExactlyTheRouterRoutes(t *testing.T) {
	a := newAPI(t)
	spec, err := openapi.Routes(openapi.Swagger())
	if err != nil {
		t.Fatal(err)
	}
	var inSpec, served []string
	for _, r := range spec {
		// gin's catch-all is written {any} in the spec.
		inSpec = append(inSpec, r.Method+" "+strings.Replace(r.Path, "/docs/:any", "/docs/*any", 1))
	}
	for _, r := range a.router.Routes() {
		served = append(served, r.Method+" "+r.Path)
	}
	slices.Sort(inSpec)
	slices.Sort(served)
	for _, r := range served {
		if !slices.Contains(inSpec, r) {
			t.Errorf("served but not in the spec: %s", r)
		}
	}
	for _, r := range inSpec {
		if !slices.Contains(served, r) {
			t.Errorf("in the spec but not served: %s", r)
		}
	}
}

func TestSpecOpenAPI3ValidatesAndIsServed(t *testing.T) {
	a := newAPI(t)
	body := a.do("GET", "/openapi.json", "", nil).want(200).Body.Bytes()
	doc, err := openapi3.NewLoader().LoadFromData(body)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI 3: %v", err)
	}
	if doc.Paths.Find("/v1/units/{id}/children") == nil {
		t.Fatal("openapi.json lacks /v1/units/{id}/children")
	}
	a.do("GET", "/swagger.json", "", nil).want(200)
	a.do("GET", "/docs/index.html", "", nil).want(200)
}

func TestMetaEndpoints(t *testing.T) {
	a := newAPI(t)
	a.do("GET", "/healthz", "", nil).want(200)
	a.do("GET", "/readyz", "", nil).want(200)
	a.do("GET", "/v1/units/1", "", nil).want(401)
	a.do("GET", "/metrics", "", nil).want(404) // served on YISHI_METRICS_ADDR only
	rec := httptest.NewRecorder()
	promhttp.HandlerFor(a.deps.Registry, promhttp.HandlerOpts{}).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	m := rec.Body.String()
	if !strings.Contains(m, "yishi_http_requests_total") || !strings.Contains(m, `route="/v1/units/:id"`) {
		t.Fatalf("metrics lack request counters:\n%.500s", m)
	}
	p := a.do("GET", "/nope", "", nil).want(404).obj()
	if p["code"] != "route.not_found" {
		t.Fatalf("unknown route = %v", p)
	}
	a.do("PUT", "/healthz", "", nil).want(405)
	r := a.do("GET", "/healthz", "", nil)
	if r.Header().Get("X-Request-ID") == "" {
		t.Fatal("no request id")
	}
}
