package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"yishi/openapi"
)

// TestEveryOperationRefusesMalformedInput sends every operation of the
// OpenAPI spec wrong JSON types for each body property, bodies missing
// each property, empty, huge (1 MB strings, 1e400, 2^63), invalid UTF-8
// and 10k-level nested bodies, malformed path ids and malformed query and
// header values, as a caller holding every role. Each answer must be a 4xx
// problem document, or a 2xx where the input happens to be acceptable;
// never a 5xx. It reads the operations from openapi.json, so a new
// operation is covered the day it enters the spec.
func TestEveryOperationRefusesMalformedInput(t *testing.T) {
	if testing.Short() {
		t.Skip("sends thousands of requests")
	}
	doc, err := openapi3.NewLoader().LoadFromData(openapi.OpenAPI3())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	w := newHostileWorld(t)
	statuses := map[int]int{}
	for _, path := range doc.Paths.InMatchingOrder() {
		ops := doc.Paths.Value(path).Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			op := ops[method]
			t.Run(method+" "+path, func(t *testing.T) {
				for code, n := range hostileOperation(t, w, method, path, op) {
					statuses[code] += n
				}
			})
		}
	}
	t.Logf("answers by status: %v", statuses)
}

// hostileOperation sends one operation every malformed input and returns
// how many answers it got of each status.
func hostileOperation(t *testing.T, w *hostileWorld, method, path string, op *openapi3.Operation) map[int]int {
	statuses, failures := map[int]int{}, 0
	check := func(target, what string, b hostileBody, headers map[string]string) {
		rec := w.send(method, target, b.contentType, b.body, headers)
		statuses[rec.Code]++
		bad := verdict(path, rec)
		if bad == "" {
			return
		}
		if failures++; failures <= 10 {
			t.Errorf("%s %s [%s]: %d, %s; body %.300q; answer %.300s", method, shorten(target), what, rec.Code, bad,
				b.body, rec.Body.String())
		}
	}
	var sample hostileBody
	for i, target := range fillPath(w, path, op) {
		bodies, s := operationBodies(op, func(schema *openapi3.Schema) map[string]any {
			return w.refine(method, target, sampleBase(schema, w.known))
		})
		if i == 0 {
			sample = s
		}
		for _, b := range bodies {
			check(target, "body "+b.name, b, nil)
		}
		for _, q := range queryCases(op) {
			check(target+"?"+q, "query "+q, s, nil)
		}
		for _, h := range headerCases(op) {
			check(target, "header "+shorten(fmt.Sprint(h)), s, h)
		}
	}
	for _, target := range malformedPaths(w, path, op) {
		check(target, "path", sample, nil)
	}
	if failures > 10 {
		t.Errorf("… and %d more failures", failures-10)
	}
	if testing.Verbose() {
		t.Logf("answers by status: %v", statuses)
	}
	return statuses
}

// verdict says what is wrong with an answer to a malformed request, or
// "": it must be a 4xx problem document (for the API under /v1/) or a 2xx
// with a readable body, never a 5xx.
func verdict(path string, rec *httptest.ResponseRecorder) string {
	ct := rec.Header().Get("Content-Type")
	switch {
	case rec.Code >= 500:
		return "server error"
	case rec.Code < 200 || (rec.Code >= 300 && rec.Code < 400):
		return "neither 2xx nor 4xx"
	case rec.Code >= 400 && strings.HasPrefix(path, "/v1/") && ct != "application/problem+json":
		return "4xx without a problem document (" + ct + ")"
	case rec.Code != 204 && strings.HasPrefix(ct, "application/json") && !json.Valid(rec.Body.Bytes()):
		return "2xx whose JSON body does not parse"
	}
	return ""
}

func shorten(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// operationBodies lists the bodies to send an operation and the one to
// send with malformed paths, queries and headers (its sample body, from
// base).
func operationBodies(op *openapi3.Operation, base func(*openapi3.Schema) map[string]any) ([]hostileBody, hostileBody) {
	sample := hostileBody{name: "none"}
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return []hostileBody{{name: "unexpected JSON", contentType: "application/json", body: []byte(`{"x":` + deep(100, "[", "]") + `}`)}}, sample
	}
	var out []hostileBody
	for _, mt := range slices.Sorted(maps.Keys(op.RequestBody.Value.Content)) {
		media := op.RequestBody.Value.Content[mt]
		if mt != "application/json" {
			out = append(out, otherMediaBodies(mt)...)
			out = append(out, hostileBody{name: "empty " + mt, contentType: mt})
			continue
		}
		var schema *openapi3.Schema
		if media.Schema != nil {
			schema = media.Schema.Value
		}
		var derived []hostileBody
		if schema != nil && len(schema.Properties) > 0 {
			derived = schemaBodies(schema, base(schema))
		}
		if len(derived) > 0 {
			sample = derived[0]
		}
		out = append(out, derived...)
	}
	return append(out, genericBodies()...), sample
}
