package handlers_test

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// fillPath is path with every parameter given a valid value: the
// fixtures' ids for {id} (by the segment after /v1/), each enum value of
// an enum parameter, "x" otherwise.
func fillPath(w *hostileWorld, path string, op *openapi3.Operation) []string {
	out := []string{path}
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.In != "path" {
			continue
		}
		var values []string
		switch {
		case p.Value.Name == "id":
			for _, id := range idsFor(w, path) {
				values = append(values, fmt.Sprint(id))
			}
		case p.Value.Schema != nil && len(p.Value.Schema.Value.Enum) > 0:
			for _, e := range p.Value.Schema.Value.Enum {
				values = append(values, fmt.Sprint(e))
			}
		default:
			values = []string{"x"}
		}
		var next []string
		for _, o := range out {
			for _, v := range values {
				next = append(next, strings.Replace(o, "{"+p.Value.Name+"}", v, 1))
			}
		}
		out = next
	}
	return out
}

// idsFor is the fixture ids for a path's {id}: /v1/votes/{id} names a
// vote. A resource the fixtures lack gets id 1.
func idsFor(w *hostileWorld, path string) []int {
	seg, _, _ := strings.Cut(strings.TrimPrefix(path, "/v1/"), "/")
	if ids := w.ids[seg]; len(ids) > 0 {
		return ids
	}
	return []int{1}
}

// badPathValues are ids no client should send: negative, zero, beyond
// int64, not numbers, invalid UTF-8, NUL, full-width digits.
func badPathValues() []string {
	return []string{"-1", "0", "99999999999999999999", "9223372036854775808", "abc", "1.5", "1e3", "0x10",
		"+1", " 1", "１", "\xff\xfe", "\x00", "爱心椅", strings.Repeat("9", 10_000)}
}

// malformedPaths puts each bad value in each path parameter in turn,
// with the other parameters valid.
func malformedPaths(w *hostileWorld, path string, op *openapi3.Operation) []string {
	var out []string
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.In != "path" {
			continue
		}
		for _, bad := range badPathValues() {
			marked := strings.Replace(path, "{"+p.Value.Name+"}", "\x01", 1)
			for _, filled := range fillPath(w, marked, op)[:1] {
				out = append(out, strings.Replace(filled, "\x01", bad, 1))
			}
		}
	}
	return out
}

// queryCases are malformed values for each query parameter, already
// encoded (some on purpose badly).
func queryCases(op *openapi3.Operation) []string {
	values := []string{"abc", "-1", "0", "99999999999999999999", "9223372036854775808", "1e400", "1.5", "true",
		"", "2026-13-45", "2026-02-30T25:61:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "爱心椅",
		"[]", "NaN", strings.Repeat("爱", 30_000), "9999-12-31T23:59:59-23:59", "0000-01-01T00:00:00+23:59",
		base64.RawURLEncoding.EncodeToString([]byte("-1")),
		base64.RawURLEncoding.EncodeToString([]byte("99999999999999999999")),
		base64.RawURLEncoding.EncodeToString([]byte("9223372036854775807")),
		base64.StdEncoding.EncodeToString([]byte("42"))}
	var out []string
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.In != "query" {
			continue
		}
		name := url.QueryEscape(p.Value.Name)
		for _, v := range values {
			out = append(out, name+"="+url.QueryEscape(v))
		}
		out = append(out, name+"=%FF%FE", name+"=%00", name+"=%zz", name+"=1&"+name+"=2", name)
	}
	return out
}

// headerCases are malformed values for each header parameter (If-Match).
func headerCases(op *openapi3.Operation) []map[string]string {
	var out []map[string]string
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.In != "header" {
			continue
		}
		for _, v := range []string{`"abc"`, `W/"1"`, "*", `"-1"`, `"99999999999999999999"`, "\xff", `""`, "1",
			strings.Repeat("9", 10_000), `"1", "2"`} {
			out = append(out, map[string]string{p.Value.Name: v})
		}
	}
	return out
}
