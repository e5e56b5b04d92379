// Command openapi3 converts the Swagger 2.0 document that swag writes into
// the OpenAPI 3 document Yishi serves at /openapi.json. swag only speaks
// Swagger 2.0, while SPA and SDK generators expect OpenAPI 3, so the
// conversion runs as the last step of scripts/gen and its output is
// committed next to swagger.json.
//
// On the way every operation gets its declared access from the route
// table (x-permission, x-permission-mode and a "Permission:" description
// line), and a spec and table that list different routes fail the run;
// with -swagger-out the annotated Swagger 2.0 document is written too.
//
// The output is validated before it is written, so an annotation mistake
// fails generation instead of shipping a broken spec, and it is
// deterministic, so scripts/check-generated can compare it byte for byte.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"yishi/handlers"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stderr, handlers.AccessTable); err != nil {
		fmt.Fprintf(os.Stderr, "openapi3: %v\n", err)
		os.Exit(1)
	}
}

// run parses the flags, annotates the input with each operation's declared
// access from the route table that accessTable describes, and performs one
// conversion; it is separate from main so that errors are returned,
// wrapped, and reported in one place, and tests can pass a small table.
func run(ctx context.Context, args []string, stderr io.Writer, accessTable func() ([]handlers.RouteAccess, error)) error {
	fs := flag.NewFlagSet("openapi3", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "openapi/swagger.json", "Swagger 2.0 document to read (written by swag)")
	out := fs.String("out", "openapi/openapi.json", "OpenAPI 3 document to write")
	swaggerOut := fs.String("swagger-out", "", "also write the annotated Swagger 2.0 document here (scripts/gen: the input itself); empty: do not")
	srcRoot := fs.String("src", ".", "repository root whose Go sources give error codes and DTO shapes")
	plain := fs.Bool("plain", false, "convert and annotate only: no error codes, statuses or shapes from the sources (tests)")
	errorsOut := fs.String("errors-out", "", "also write the error-code catalogue (Markdown) here; empty: do not")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}

	src, err := os.ReadFile(*in)
	if err != nil {
		return fmt.Errorf("read Swagger 2.0 input: %w", err)
	}
	table, err := accessTable()
	if err != nil {
		return fmt.Errorf("describe the route table: %w", err)
	}
	annotated, err := annotate(src, table)
	if err != nil {
		return fmt.Errorf("%s: %w", *in, err)
	}
	if *swaggerOut != "" {
		if err := writeFileAtomic(*swaggerOut, annotated); err != nil {
			return fmt.Errorf("write annotated Swagger 2.0 output: %w", err)
		}
	}
	var codes []errorCode
	var post func(d *openapi3.T) error
	if !*plain {
		if codes, err = scanErrorCodes(*srcRoot); err != nil {
			return fmt.Errorf("scan error codes: %w", err)
		}
		post = func(d *openapi3.T) error { return enrich(d, table, codes, *srcRoot) }
	}
	doc, err := convert(ctx, annotated, post)
	if err != nil {
		return fmt.Errorf("%s: %w", *in, err)
	}
	if err := writeFileAtomic(*out, doc); err != nil {
		return fmt.Errorf("write OpenAPI 3 output: %w", err)
	}
	if *errorsOut != "" && !*plain {
		if err := writeFileAtomic(*errorsOut, errorsMarkdown(codes)); err != nil {
			return fmt.Errorf("write error catalogue: %w", err)
		}
	}
	return nil
}

// convert turns a Swagger 2.0 document into validated, indented OpenAPI 3
// JSON ending in a newline; post, if not nil, completes the converted
// document before it is validated.
func convert(ctx context.Context, src []byte, post func(*openapi3.T) error) ([]byte, error) {
	var doc2 openapi2.T
	if err := json.Unmarshal(src, &doc2); err != nil {
		return nil, fmt.Errorf("parse Swagger 2.0: %w", err)
	}
	doc3, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return nil, fmt.Errorf("convert to OpenAPI 3: %w", err)
	}
	// A document with no annotated handlers yet has no paths; OpenAPI 3.0
	// still requires the (empty) object.
	if doc3.Paths == nil {
		doc3.Paths = openapi3.NewPaths()
	}
	if post != nil {
		if err := post(doc3); err != nil {
			return nil, err
		}
		// The references post adds are unresolved: load the document
		// again, as a client would, so validation resolves every one.
		raw, err := json.Marshal(doc3)
		if err != nil {
			return nil, fmt.Errorf("marshal OpenAPI 3: %w", err)
		}
		if doc3, err = openapi3.NewLoader().LoadFromData(raw); err != nil {
			return nil, fmt.Errorf("reload the completed OpenAPI 3 document: %w", err)
		}
	}
	if err := doc3.Validate(ctx, openapi3.EnableMultiError()); err != nil {
		return nil, fmt.Errorf("converted OpenAPI 3 document is invalid (fix the swag annotations in handlers/ and rerun scripts/gen):\n%w", err)
	}
	return marshalStable(doc3)
}

// marshalStable renders v as two-space indented JSON with a trailing
// newline. encoding/json sorts map keys, so the same document always
// yields the same bytes; HTML escaping is off so descriptions stay
// readable in diffs.
func marshalStable(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil { // Encode appends the newline.
		return nil, fmt.Errorf("marshal OpenAPI 3: %w", err)
	}
	return buf.Bytes(), nil
}

// writeFileAtomic replaces path with data via a temporary file in the
// same directory, so an interrupted run never leaves a truncated spec that
// the embed in package openapi would then compile in.
func writeFileAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create temp file: %w", err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("chmod %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("rename to %s: %w", path, err)
	}
	return nil
}
