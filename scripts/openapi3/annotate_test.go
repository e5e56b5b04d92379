package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"yishi/handlers"
)

// unitTable declares the one route of swagger2.
func unitTable() ([]handlers.RouteAccess, error) {
	return []handlers.RouteAccess{{Method: "GET", Path: "/v1/units/:id", OpenAPIPath: "/v1/units/{id}",
		Rule: handlers.RuleAccess{Permission: "unit:read", Mode: "subtree"}}}, nil
}

func TestAnnotateKeepsSwagBytes(t *testing.T) {
	// swag writes json.MarshalIndent output; "additionalProperties": {} is
	// what go-openapi/spec would have rewritten.
	src := strings.Replace(swagger2, `"name": {"type": "string"}`, `"name": {"type": "object", "additionalProperties": {}}`, 1)
	var buf bytes.Buffer
	if err := json.Indent(&buf, []byte(src), "", "    "); err != nil {
		t.Fatal(err)
	}
	indented := buf.Bytes()
	table, _ := unitTable()
	got, err := annotate(indented, table)
	if err != nil {
		t.Fatalf("annotate: %v", err)
	}
	for _, s := range []string{`"additionalProperties": {}`, `"x-permission": "unit:read"`,
		`"x-permission-mode": "subtree"`, `"description": "Permission: unit:read (subtree)"`} {
		if !bytes.Contains(got, []byte(s)) {
			t.Errorf("annotated spec lacks %s:\n%s", s, got)
		}
	}
	def := []byte(`"definitions"`)
	if a, b := got[bytes.Index(got, def):], indented[bytes.Index(indented, def):]; !bytes.Equal(a, b) {
		t.Errorf("annotate changed what it does not annotate:\n%s\n---\n%s", a, b)
	}
	again, err := annotate(got, table)
	if err != nil {
		t.Fatalf("annotate again: %v", err)
	}
	if !bytes.Equal(got, again) {
		t.Errorf("annotate is not idempotent:\n%s\n---\n%s", got, again)
	}
}

func TestAnnotateActionRoute(t *testing.T) {
	src := `{"swagger":"2.0","basePath":"/","paths":{"/v1/meetings/{id}/{action}":{"post":{"description":"Mark it.","responses":{}}}}}`
	table := []handlers.RouteAccess{{Method: "POST", Path: "/v1/meetings/:id/:action", OpenAPIPath: "/v1/meetings/{id}/{action}",
		Actions: []handlers.ActionAccess{
			{Action: "held", Rule: handlers.RuleAccess{Permission: "meeting:update", Mode: "subtree"}},
			{Action: "cancel", Rule: handlers.RuleAccess{Permission: "meeting:update", Mode: "subtree",
				Predicates: []handlers.PredicateAccess{{Name: "not_self", Deferred: true}}}},
		}}}
	got, err := annotate([]byte(src), table)
	if err != nil {
		t.Fatalf("annotate: %v", err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Description string            `json:"description"`
			Permission  map[string]string `json:"x-permission"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	op := doc.Paths["/v1/meetings/{id}/{action}"]["post"]
	if op.Permission["held"] != "meeting:update" || op.Permission["cancel"] != "meeting:update" || len(op.Permission) != 2 {
		t.Errorf("x-permission = %v", op.Permission)
	}
	want := "Mark it.\n\nPermission by action: held: meeting:update (subtree); cancel: meeting:update (subtree; not_self [deferred])"
	if op.Description != want {
		t.Errorf("description = %q, want %q", op.Description, want)
	}
}

func TestAnnotateRejectsMismatch(t *testing.T) {
	table, _ := unitTable()
	extra := append(table, handlers.RouteAccess{Method: "DELETE", Path: "/v1/units/:id", OpenAPIPath: "/v1/units/{id}"})
	if _, err := annotate([]byte(swagger2), extra); err == nil || !strings.Contains(err.Error(), "in the route table, not in the spec") ||
		!strings.Contains(err.Error(), "DELETE /v1/units/{id}") {
		t.Errorf("route missing from the spec: err = %v", err)
	}
	if _, err := annotate([]byte(swagger2), nil); err == nil || !strings.Contains(err.Error(), "in the spec, not in the route table: GET /v1/units/{id}") {
		t.Errorf("route missing from the table: err = %v", err)
	}
}
