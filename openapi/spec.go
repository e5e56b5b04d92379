// Package openapi embeds Yishi's generated API description so the binary
// can serve it at /swagger.json and /openapi.json without reading files at
// run time, and lets tests check that the spec and the router agree.
//
// swagger.json is written by swag from the annotations in handlers/, and
// openapi.json is converted from it by scripts/openapi3, which first gives
// every operation of both its declared access from the route table
// (x-permission, x-permission-mode, a "Permission:" description line).
// Regenerate both with scripts/gen; never edit them by hand.
package openapi

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
)

// files is read-only: embed.FS has no write methods, so it is not mutable
// package state.
//
//go:embed swagger.json openapi.json
var files embed.FS

// Swagger returns the Swagger 2.0 document. Each call returns a fresh
// copy, so a caller may keep or modify it without affecting others.
func Swagger() []byte { return mustRead("swagger.json") }

// OpenAPI3 returns the OpenAPI 3 document served at /openapi.json. Each
// call returns a fresh copy.
func OpenAPI3() []byte { return mustRead("openapi.json") }

// mustRead reads an embedded file. Both names are fixed by the go:embed
// directive above, so a failure means the build itself is broken.
func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("openapi: embedded %s missing: %v", name, err))
	}
	return b
}

// Route is one operation of the spec, written the way gin lists its
// routes, so a test can compare the spec with router.Routes() directly.
type Route struct {
	Method string // upper case, as gin reports it: "GET", "POST", ...
	Path   string // gin syntax: "/v1/units/:id/children"
}

// String renders the route as "METHOD /path", the form used in test
// failure messages.
func (r Route) String() string { return r.Method + " " + r.Path }

// Routes parses a Swagger 2.0 document and returns every operation as a
// (METHOD, path) pair, with basePath prefixed and "{id}" parameters turned
// into gin's ":id". The result is sorted by path, then method, so two
// route lists can be compared with slices.Equal.
func Routes(spec []byte) ([]Route, error) {
	var doc struct {
		Swagger  string                                `json:"swagger"`
		BasePath string                                `json:"basePath"`
		Paths    map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(spec, &doc); err != nil {
		return nil, fmt.Errorf("parse Swagger document: %w", err)
	}
	if doc.Swagger != "2.0" {
		return nil, fmt.Errorf("parse Swagger document: want swagger \"2.0\", got %q", doc.Swagger)
	}
	var routes []Route
	for p, item := range doc.Paths {
		full := path.Join("/", doc.BasePath, p)
		if strings.HasSuffix(p, "/") && !strings.HasSuffix(full, "/") {
			full += "/" // path.Join drops a trailing slash that gin keeps
		}
		// Only these path item keys are operations; "parameters", "$ref"
		// and "x-…" extensions are not routes.
		for _, m := range [...]string{"get", "put", "post", "delete", "options", "head", "patch"} {
			if _, ok := item[m]; ok {
				routes = append(routes, Route{Method: strings.ToUpper(m), Path: ginPath(full)})
			}
		}
	}
	slices.SortFunc(routes, func(a, b Route) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Method, b.Method)
	})
	return routes, nil
}

// ginPath rewrites Swagger path templates ("/units/{id}") into gin's
// syntax ("/units/:id").
func ginPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if len(s) > 2 && strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = ":" + s[1:len(s)-1]
		}
	}
	return strings.Join(segs, "/")
}
