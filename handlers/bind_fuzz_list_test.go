package handlers

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestRequestBodiesListsEveryValidator fails when a request type with a
// validate method is missing from requestBodies, so FuzzRequestBodies
// reaches every body the API binds.
func TestRequestBodiesListsEveryValidator(t *testing.T) {
	var listed []string
	for _, mk := range requestBodies() {
		listed = append(listed, strings.TrimPrefix(fmt.Sprintf("%T", mk()), "*handlers."))
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), e.Name(), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name != "validate" || fn.Recv == nil || len(fn.Recv.List) != 1 {
				continue
			}
			typ := fn.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok && !slices.Contains(listed, id.Name) {
				t.Errorf("%s has validate() but is not in requestBodies (bind_fuzz_test.go)", id.Name)
			}
		}
	}
}
