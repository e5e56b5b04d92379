package openapi

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestRoutes(t *testing.T) {
	spec := []byte(`{
	  "swagger": "2.0",
	  "basePath": "/",
	  "paths": {
	    "/v1/units/{id}/children": {
	      "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
	      "get": {"responses": {"200": {"description": "ok"}}},
	      "post": {"responses": {"201": {"description": "created"}}},
	      "x-internal": true
	    },
	    "/v1/proposals/{id}/{action}": {
	      "post": {"responses": {"200": {"description": "ok"}}}
	    },
	    "/healthz": {
	      "get": {"responses": {"200": {"description": "ok"}}},
	      "head": {"responses": {"200": {"description": "ok"}}}
	    },
	    "/v1/role-assignments/{id}": {
	      "delete": {"responses": {"204": {"description": "gone"}}},
	      "patch": {}, "put": {}, "options": {}
	    }
	  }
	}`)
	got, err := Routes(spec)
	if err != nil {
		t.Fatalf("Routes: %v", err)
	}
	want := []Route{
		{"GET", "/healthz"},
		{"HEAD", "/healthz"},
		{"POST", "/v1/proposals/:id/:action"},
		{"DELETE", "/v1/role-assignments/:id"},
		{"OPTIONS", "/v1/role-assignments/:id"},
		{"PATCH", "/v1/role-assignments/:id"},
		{"PUT", "/v1/role-assignments/:id"},
		{"GET", "/v1/units/:id/children"},
		{"POST", "/v1/units/:id/children"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Routes:\n got %v\nwant %v", got, want)
	}
}

func TestRoutesBasePath(t *testing.T) {
	spec := []byte(`{"swagger":"2.0","basePath":"/v1","paths":{"/votes/{vote_id}/ballots":{"post":{}}}}`)
	got, err := Routes(spec)
	if err != nil {
		t.Fatalf("Routes: %v", err)
	}
	want := []Route{{"POST", "/v1/votes/:vote_id/ballots"}}
	if !slices.Equal(got, want) {
		t.Errorf("Routes = %v, want %v", got, want)
	}
}

func TestRoutesRejectsBadInput(t *testing.T) {
	for name, spec := range map[string]string{
		"not JSON":  `{`,
		"OpenAPI 3": `{"openapi":"3.0.3","paths":{"/x":{"get":{}}}}`,
		"paths":     `{"swagger":"2.0","paths":[]}`,
	} {
		if _, err := Routes([]byte(spec)); err == nil {
			t.Errorf("%s: Routes returned no error", name)
		}
	}
}

// TestEmbedded guards the generated files: both must be the right kind of
// document, and the embedded Swagger must parse into routes.
func TestEmbedded(t *testing.T) {
	var sw struct {
		Swagger string `json:"swagger"`
	}
	if err := json.Unmarshal(Swagger(), &sw); err != nil || sw.Swagger != "2.0" {
		t.Errorf("swagger.json: version %q, err %v; rerun scripts/gen", sw.Swagger, err)
	}
	var oa struct {
		OpenAPI string `json:"openapi"`
	}
	if err := json.Unmarshal(OpenAPI3(), &oa); err != nil || oa.OpenAPI == "" {
		t.Errorf("openapi.json: version %q, err %v; rerun scripts/gen", oa.OpenAPI, err)
	}
	if _, err := Routes(Swagger()); err != nil {
		t.Errorf("Routes(Swagger()): %v", err)
	}
	a := Swagger()
	a[0] = 'X'
	if Swagger()[0] == 'X' {
		t.Error("Swagger() shares its buffer between calls")
	}
}
