package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"yishi/handlers"
	"yishi/handlers/accessdoc"
)

// annotate returns the Swagger 2.0 document src with every operation
// carrying its declared access from table: the x-permission and
// x-permission-mode extensions and a "Permission:" line ending its
// description. Everything else keeps its bytes, so swag's output stays
// recognisable in diffs. An operation the table does not declare, or a
// route the spec does not describe, is an error: the spec and the router
// must list the same routes.
func annotate(src []byte, table []handlers.RouteAccess) ([]byte, error) {
	var doc object
	if err := json.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("parse Swagger 2.0: %w", err)
	}
	basePath := "/"
	if raw, ok := doc.get("basePath"); ok {
		if err := json.Unmarshal(raw, &basePath); err != nil {
			return nil, fmt.Errorf("parse basePath: %w", err)
		}
	}
	byRoute := make(map[string]handlers.RouteAccess, len(table))
	for _, r := range table {
		byRoute[r.Method+" "+r.OpenAPIPath] = r
	}
	paths, err := doc.decodeMember("paths")
	if err != nil {
		return nil, fmt.Errorf("parse Swagger 2.0: %w", err)
	}
	seen := map[string]bool{}
	var undeclared []string
	for _, p := range paths.keys {
		item, err := paths.decodeMember(p)
		if err != nil {
			return nil, fmt.Errorf("paths: %w", err)
		}
		full := path.Join("/", basePath, p)
		// Only these members are operations; "parameters", "$ref" and
		// "x-…" extensions are not routes.
		for _, m := range [...]string{"get", "put", "post", "delete", "options", "head", "patch"} {
			if _, ok := item.get(m); !ok {
				continue
			}
			key := strings.ToUpper(m) + " " + full
			r, ok := byRoute[key]
			if !ok {
				undeclared = append(undeclared, key)
				continue
			}
			seen[key] = true
			op, err := item.decodeMember(m)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
			if err := annotateOperation(op, r); err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
			if err := item.setObject(m, op); err != nil {
				return nil, fmt.Errorf("%s: %w", key, err)
			}
		}
		if err := paths.setObject(p, item); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	var undocumented []string
	for key := range byRoute {
		if !seen[key] {
			undocumented = append(undocumented, key)
		}
	}
	if err := mismatch(undeclared, undocumented); err != nil {
		return nil, err
	}
	if err := doc.setObject("paths", paths); err != nil {
		return nil, err
	}
	return indentLikeSwag(doc)
}

// annotateOperation sets one operation's access extensions and
// description line.
func annotateOperation(op *object, r handlers.RouteAccess) error {
	desc := ""
	if raw, ok := op.get("description"); ok {
		if err := json.Unmarshal(raw, &desc); err != nil {
			return fmt.Errorf("parse description: %w", err)
		}
	}
	if err := op.setValue("description", accessdoc.WithDescriptionLine(desc, accessdoc.DescriptionLine(r))); err != nil {
		return err
	}
	if err := op.setValue(accessdoc.PermissionExtension, accessdoc.XPermission(r)); err != nil {
		return err
	}
	return op.setValue(accessdoc.ModeExtension, accessdoc.XPermissionMode(r))
}

// mismatch reports the routes only one of spec and table knows.
func mismatch(undeclared, undocumented []string) error {
	if len(undeclared) == 0 && len(undocumented) == 0 {
		return nil
	}
	slices.Sort(undeclared)
	slices.Sort(undocumented)
	var b strings.Builder
	b.WriteString("the spec and the route table (handlers/routes_table.go) disagree")
	for _, k := range undeclared {
		fmt.Fprintf(&b, "\n  in the spec, not in the route table: %s", k)
	}
	for _, k := range undocumented {
		fmt.Fprintf(&b, "\n  in the route table, not in the spec (add swag annotations): %s", k)
	}
	return fmt.Errorf("%s", b.String())
}

// indentLikeSwag renders doc as swag does: json.MarshalIndent with four
// spaces and no trailing newline.
func indentLikeSwag(doc object) ([]byte, error) {
	raw, err := doc.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("marshal Swagger 2.0: %w", err)
	}
	var compact, out bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		return nil, fmt.Errorf("compact Swagger 2.0: %w", err)
	}
	if err := json.Indent(&out, compact.Bytes(), "", "    "); err != nil {
		return nil, fmt.Errorf("indent Swagger 2.0: %w", err)
	}
	return out.Bytes(), nil
}
