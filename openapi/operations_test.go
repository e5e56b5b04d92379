package openapi

import (
	"encoding/json"
	"testing"
)

// TestEveryOperationIsNamedTaggedAndSummarised fails on an operation of
// the served spec without an operationId, a tag or a summary, and on an
// operationId used twice: client generators name methods after them.
func TestEveryOperationIsNamedTaggedAndSummarised(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(OpenAPI3(), &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	n := 0
	for p, item := range doc.Paths {
		for m, raw := range item {
			switch m {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
			default:
				continue
			}
			n++
			var op struct {
				OperationID string   `json:"operationId"`
				Tags        []string `json:"tags"`
				Summary     string   `json:"summary"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatal(err)
			}
			key := m + " " + p
			if op.OperationID == "" {
				t.Errorf("%s: no operationId (swag @ID)", key)
			} else if other, dup := seen[op.OperationID]; dup {
				t.Errorf("%s: operationId %s also names %s", key, op.OperationID, other)
			}
			seen[op.OperationID] = key
			if len(op.Tags) == 0 {
				t.Errorf("%s: no tag", key)
			}
			if op.Summary == "" {
				t.Errorf("%s: no summary", key)
			}
		}
	}
	if n == 0 {
		t.Fatal("the spec has no operations")
	}
}
