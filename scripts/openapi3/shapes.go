package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// goField is one JSON member of a Go DTO as encoding/json sees it.
type goField struct {
	Name      string // JSON name
	Pointer   bool   // *T: null when nil unless omitempty
	OmitEmpty bool
	Nillable  bool // slice or map: null when nil unless omitempty
}

// dtoDirs hold the Go types swag turns into schemas.
var dtoDirs = []string{"handlers", "internal", "authz"}

// goStructs maps "pkg.Type" (swag's schema names) to the JSON members of
// every struct type declared under dtoDirs.
func goStructs(root string) (map[string][]goField, error) {
	fset := token.NewFileSet()
	raw := map[string]*ast.StructType{}
	for _, dir := range dtoDirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
			if err != nil {
				return fmt.Errorf("parse %s: %w", p, err)
			}
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.TYPE {
					continue
				}
				for _, s := range gd.Specs {
					ts := s.(*ast.TypeSpec)
					if st, ok := ts.Type.(*ast.StructType); ok {
						raw[f.Name.Name+"."+ts.Name.Name] = st
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := map[string][]goField{}
	var fields func(pkg string, st *ast.StructType, depth int) []goField
	fields = func(pkg string, st *ast.StructType, depth int) []goField {
		var fs []goField
		for _, f := range st.Fields.List {
			tag := ""
			if f.Tag != nil {
				tag, _ = strconv.Unquote(f.Tag.Value)
			}
			js := reflect.StructTag(tag).Get("json")
			name, opts, _ := strings.Cut(js, ",")
			if name == "-" {
				continue
			}
			if len(f.Names) == 0 { // embedded: its members are promoted
				if id, ok := f.Type.(*ast.Ident); ok && name == "" && depth < 4 {
					if inner, ok := raw[pkg+"."+id.Name]; ok {
						fs = append(fs, fields(pkg, inner, depth+1)...)
					}
				}
				continue
			}
			for _, n := range f.Names {
				if !n.IsExported() {
					continue
				}
				jn := name
				if jn == "" {
					jn = n.Name
				}
				_, ptr := f.Type.(*ast.StarExpr)
				nillable := false
				switch f.Type.(type) {
				case *ast.ArrayType:
					nillable = f.Type.(*ast.ArrayType).Len == nil
				case *ast.MapType:
					nillable = true
				}
				fs = append(fs, goField{Name: jn, Pointer: ptr, OmitEmpty: strings.Contains(","+opts+",", ",omitempty,"), Nillable: nillable})
			}
		}
		return fs
	}
	for name, st := range raw {
		pkg, _, _ := strings.Cut(name, ".")
		out[name] = fields(pkg, st, 0)
	}
	return out, nil
}

// goTypeOf maps a schema name to its Go struct; generic instances
// ("handlers.pageOf-handlers_unitResponse") map to the generic type.
func goTypeOf(schema string, structs map[string][]goField) ([]goField, bool) {
	if fs, ok := structs[schema]; ok {
		return fs, true
	}
	if base, _, ok := strings.Cut(schema, "-"); ok {
		fs, ok := structs[base]
		return fs, ok
	}
	return nil, false
}

// shapes gives every schema what swag leaves out, from the Go types it
// was made from: response schemas list as required each member
// encoding/json always writes (no omitempty) and mark pointer members
// nullable; request body schemas refuse unknown members
// (additionalProperties: false), as bindJSON does. Query parameters get
// the bounds parsePage enforces.
func shapes(doc *openapi3.T, root string) error {
	structs, err := goStructs(root)
	if err != nil {
		return err
	}
	requests, responses := map[string]bool{}, map[string]bool{}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil {
					reach(doc, mt.Schema, requests)
				}
			}
			for _, resp := range op.Responses.Map() {
				if resp.Value == nil {
					continue
				}
				for _, mt := range resp.Value.Content {
					reach(doc, mt.Schema, responses)
				}
			}
			for _, p := range op.Parameters {
				if p.Value != nil && p.Value.In == "query" && p.Value.Name == "limit" && p.Value.Schema != nil && p.Value.Schema.Value != nil {
					s := p.Value.Schema.Value
					s.WithMin(1).WithMax(200)
				}
			}
		}
	}
	for name, ref := range doc.Components.Schemas {
		s := ref.Value
		if s == nil || name == problemSchema || name == errorCodeSchema {
			continue
		}
		fields, ok := goTypeOf(name, structs)
		if !ok {
			continue
		}
		if requests[name] && !responses[name] {
			s.AdditionalProperties = openapi3.AdditionalProperties{Has: openapi3.Ptr(false)}
			for _, f := range fields {
				if prop, ok := s.Properties[f.Name]; ok && f.Nillable && prop.Value != nil && prop.Ref == "" {
					prop.Value.Nullable = true // bindJSON reads a null list as empty
				}
			}
			continue
		}
		if !responses[name] {
			continue
		}
		for _, prop := range s.Properties {
			anyValues(prop)
		}
		var required []string
		for _, f := range fields {
			prop, ok := s.Properties[f.Name]
			if !ok {
				continue
			}
			if !f.OmitEmpty {
				required = append(required, f.Name)
			}
			if f.Pointer && !f.OmitEmpty {
				s.Properties[f.Name] = nullable(prop)
			}
		}
		s.Required = required
	}
	return nil
}

// nullable returns prop marked nullable; a $ref cannot carry siblings in
// OpenAPI 3.0, so it is wrapped in allOf.
func nullable(prop *openapi3.SchemaRef) *openapi3.SchemaRef {
	if prop.Ref != "" {
		s := &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Nullable: true, AllOf: openapi3.SchemaRefs{prop}}
		return openapi3.NewSchemaRef("", s)
	}
	if prop.Value != nil {
		prop.Value.Nullable = true
	}
	return prop
}

// reach marks the component schemas r refers to, transitively.
func reach(doc *openapi3.T, r *openapi3.SchemaRef, seen map[string]bool) {
	if r == nil {
		return
	}
	if name, ok := strings.CutPrefix(r.Ref, "#/components/schemas/"); ok {
		if seen[name] {
			return
		}
		seen[name] = true
		reach(doc, doc.Components.Schemas[name], seen)
		return
	}
	s := r.Value
	if s == nil {
		return
	}
	for _, p := range s.Properties {
		reach(doc, p, seen)
	}
	reach(doc, s.Items, seen)
	reach(doc, s.AdditionalProperties.Schema, seen)
	for _, l := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, x := range l {
			reach(doc, x, seen)
		}
	}
}

// anyValues lets the free-form values of a map[string]any member (an
// event's detail) be anything, null included (encoding/json writes a nil
// value as null; a typeless schema cannot say nullable).
func anyValues(prop *openapi3.SchemaRef) {
	if prop == nil || prop.Value == nil || prop.Ref != "" {
		return
	}
	ap := prop.Value.AdditionalProperties.Schema
	if ap != nil && ap.Ref == "" && ap.Value != nil && (ap.Value.Type == nil || len(*ap.Value.Type) == 0) {
		prop.Value.AdditionalProperties = openapi3.AdditionalProperties{Has: openapi3.Ptr(true)}
	}
}
