package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const swagger2 = `{
  "swagger": "2.0",
  "info": {"title": "t", "version": "1"},
  "basePath": "/",
  "paths": {
    "/v1/units/{id}": {
      "get": {
        "produces": ["application/json"],
        "parameters": [{"name": "id", "in": "path", "required": true, "type": "integer"}],
        "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/handlers.unitResponse"}}}
      }
    }
  },
  "definitions": {
    "handlers.unitResponse": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
  }
}`

func TestConvertIsStable(t *testing.T) {
	ctx := context.Background()
	first, err := convert(ctx, []byte(swagger2), nil)
	if err != nil {
		t.Fatalf("convert: %v", err)
	}
	for range 5 {
		again, err := convert(ctx, []byte(swagger2), nil)
		if err != nil {
			t.Fatalf("convert: %v", err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("convert is not deterministic:\n%s\n---\n%s", first, again)
		}
	}
	if !bytes.HasSuffix(first, []byte("}\n")) {
		t.Errorf("output does not end in a newline")
	}
	var doc struct {
		OpenAPI    string `json:"openapi"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(first, &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Components.Schemas["handlers.unitResponse"] == nil {
		t.Errorf("unexpected output:\n%s", first)
	}
}

func TestConvertRejectsInvalidSpec(t *testing.T) {
	// The path names {id} but the operation declares no such parameter.
	bad := strings.Replace(swagger2, `"name": "id", "in": "path"`, `"name": "unit", "in": "query"`, 1)
	if _, err := convert(context.Background(), []byte(bad), nil); err == nil ||
		!strings.Contains(err.Error(), "invalid") {
		t.Fatalf("convert(bad) error = %v, want a validation error", err)
	}
}

func TestRunWritesFile(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "swagger.json"), filepath.Join(dir, "openapi.json")
	if err := os.WriteFile(in, []byte(swagger2), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"-plain", "-in", in, "-out", out}, &stderr, unitTable); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("output not written: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temp files left behind: %v", entries)
	}
	if got, _ := os.ReadFile(in); string(got) != swagger2 {
		t.Error("run rewrote its input without -swagger-out")
	}
	if doc, _ := os.ReadFile(out); !bytes.Contains(doc, []byte(`"x-permission": "unit:read"`)) {
		t.Errorf("openapi.json lacks x-permission:\n%s", doc)
	}
}
