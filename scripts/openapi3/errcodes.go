package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// errorCode is one entry of the error-code catalogue: a stable code a
// problem document carries, the status it is served with and what it
// means (the detail text of the first place that raises it).
type errorCode struct {
	Code    string
	Status  int
	Meaning string
	Where   []string // source files that raise it, relative to the root
}

// meanings explain the codes whose detail the sources compose at run time.
var meanings = map[string]string{
	"auth.forbidden":     "the caller is signed in and can see the target but lacks the permission (detail says which)",
	"auth.unauthorized":  "no, expired or invalid credentials; sign in again (WWW-Authenticate is set)",
	"request.invalid":    "one or more fields are invalid; errors[] names each field and why",
	"auth.throttled":     "too many failed sign-in attempts for this phone or address; see Retry-After",
	"write.rate_limited": "more writes in a minute than YISHI_WRITE_RATE allows; see Retry-After",
}

// scanDirs are the source trees whose apperr uses make the catalogue.
var scanDirs = []string{"handlers", "internal", "authz", "cmd", "ent/schema"}

// kindStatus mirrors handlers/statusOf for the apperr kinds by name.
var kindStatus = map[string]int{
	"KindInvalid": 400, "KindUnauthorized": 401, "KindForbidden": 403, "KindNotFound": 404,
	"KindConflict": 409, "KindUnprocessable": 422, "KindTooMany": 429, "KindPreconditionFailed": 412,
	"KindTooLarge": 413, "KindUnavailable": 503, "KindInsufficientStorage": 507,
}

// scanErrorCodes walks the Go sources under root and returns every error
// code they raise, sorted by code. It recognises the apperr constructors
// (New, Conflict, Unavailable, NotFound, Forbidden, Unauthorized, Invalid),
// apperr.Error and handlers' problem literals, access.Target kinds and
// the not-found helpers getByID/pathID, with codes written as string
// literals or as package-level string constants. A code no pattern
// recognises never reaches the catalogue; the conformance tests then
// refuse the response that carries it, since Problem.code is an enum.
func scanErrorCodes(root string) ([]errorCode, error) {
	found := map[string]*errorCode{}
	add := func(code string, status int, meaning, file string) {
		if code == "" || strings.ContainsAny(code, " {}%") {
			return
		}
		e, ok := found[code]
		if !ok {
			e = &errorCode{Code: code, Status: status}
			found[code] = e
		}
		if e.Status == 0 {
			e.Status = status
		}
		if e.Meaning == "" {
			e.Meaning = meaning
		}
		if !slices.Contains(e.Where, file) {
			e.Where = append(e.Where, file)
		}
	}
	fset := token.NewFileSet()
	for _, dir := range scanDirs {
		pkgs := map[string][]*ast.File{}
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
			pkgs[filepath.Dir(p)] = append(pkgs[filepath.Dir(p)], f)
			return nil
		})
		if err != nil {
			return nil, err
		}
		for pdir, files := range pkgs {
			consts := stringConsts(files)
			inApperr := strings.HasSuffix(filepath.ToSlash(pdir), "internal/apperr")
			for _, f := range files {
				rel, _ := filepath.Rel(root, fset.Position(f.Pos()).Filename)
				rel = filepath.ToSlash(rel)
				scanFile(f, consts, inApperr, func(code string, status int, meaning string) { add(code, status, meaning, rel) })
			}
		}
	}
	add("internal", http.StatusInternalServerError, "an unexpected server error; the request may be retried", "handlers/errors.go")
	for code, m := range meanings {
		if e, ok := found[code]; ok && e.Meaning == "" {
			e.Meaning = m
		}
	}
	out := make([]errorCode, 0, len(found))
	for _, e := range found {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b errorCode) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

// stringConsts maps a package's string constants to their values.
func stringConsts(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						if v, ok := stringLit(vs.Values[i], nil); ok {
							out[n.Name] = v
						}
					}
				}
			}
		}
	}
	return out
}

// stringLit evaluates e when it is a string literal or a known constant.
func stringLit(e ast.Expr, consts map[string]string) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.Ident:
		s, ok := consts[v.Name]
		return s, ok
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringLit(v.X, consts)
		b, ok2 := stringLit(v.Y, consts)
		return a + b, ok1 && ok2
	}
	return "", false
}

// scanFile reports every code f raises.
func scanFile(f *ast.File, consts map[string]string, inApperr bool, add func(code string, status int, meaning string)) {
	str := func(e ast.Expr) string {
		if s, ok := stringLit(e, consts); ok {
			return s
		}
		return ""
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch v := n.(type) {
		case *ast.CallExpr:
			name := calleeName(v.Fun, inApperr)
			switch {
			case name == "apperr.New" && len(v.Args) >= 3:
				add(str(v.Args[1]), kindStatus[selName(v.Args[0])], str(v.Args[2]))
			case name == "apperr.Conflict" && len(v.Args) >= 2:
				add(str(v.Args[0]), 409, str(v.Args[1]))
			case name == "apperr.Unavailable" && len(v.Args) >= 2:
				add(str(v.Args[0]), 503, str(v.Args[1]))
			case name == "apperr.NotFound" && len(v.Args) == 1:
				if w := str(v.Args[0]); w != "" {
					add(w+".not_found", 404, "no such "+w+", or it lies outside the caller's reach")
				}
			case name == "getByID" && len(v.Args) >= 2:
				if w := str(v.Args[1]); w != "" {
					add(w+".not_found", 404, "no such "+w+", or it lies outside the caller's reach")
				}
			case name == "pathID" && len(v.Args) >= 3:
				if w := str(v.Args[2]); w != "" {
					add(w+".not_found", 404, "no such "+w+", or it lies outside the caller's reach")
				}
			}
		case *ast.CompositeLit:
			switch typeName(v.Type, inApperr) {
			case "apperr.Error":
				code, kind, detail := "", "", ""
				for _, el := range v.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					switch keyName(kv.Key) {
					case "Code":
						code = str(kv.Value)
					case "Kind":
						kind = selName(kv.Value)
					case "Detail":
						detail = str(kv.Value)
					}
				}
				add(code, kindStatus[kind], detail)
			case "problem":
				code, status, detail := "", 0, ""
				for _, el := range v.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					switch keyName(kv.Key) {
					case "Code":
						code = str(kv.Value)
					case "Status":
						status = httpStatus(selName(kv.Value))
					case "Detail":
						detail = str(kv.Value)
					}
				}
				add(code, status, detail)
			case "access.Target", "Target":
				for _, el := range v.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok && keyName(kv.Key) == "Kind" {
						if w := str(kv.Value); w != "" {
							add(w+".not_found", 404, "no such "+w+", or it lies outside the caller's reach")
						}
					}
				}
			}
		}
		return true
	})
}

// calleeName is "pkg.Func" or "Func"; inside package apperr its own
// functions are spelled with the apperr prefix.
func calleeName(e ast.Expr, inApperr bool) string {
	switch v := e.(type) {
	case *ast.SelectorExpr:
		if x, ok := v.X.(*ast.Ident); ok {
			return x.Name + "." + v.Sel.Name
		}
	case *ast.Ident:
		if inApperr {
			return "apperr." + v.Name
		}
		return v.Name
	case *ast.IndexExpr: // getByID[T](…)
		return calleeName(v.X, inApperr)
	case *ast.IndexListExpr:
		return calleeName(v.X, inApperr)
	}
	return ""
}

// typeName is the composite literal's type as "pkg.Type" or "Type".
func typeName(e ast.Expr, inApperr bool) string {
	switch v := e.(type) {
	case *ast.SelectorExpr:
		if x, ok := v.X.(*ast.Ident); ok {
			return x.Name + "." + v.Sel.Name
		}
	case *ast.Ident:
		if inApperr && v.Name == "Error" {
			return "apperr.Error"
		}
		return v.Name
	}
	return ""
}

// selName is the selected name of apperr.KindX or http.StatusX, or an
// identifier's name.
func selName(e ast.Expr) string {
	switch v := e.(type) {
	case *ast.SelectorExpr:
		return v.Sel.Name
	case *ast.Ident:
		return v.Name
	}
	return ""
}

// keyName is a composite literal key's field name.
func keyName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// httpStatus resolves a net/http StatusX constant name.
func httpStatus(name string) int {
	for code := 100; code < 600; code++ {
		if t := http.StatusText(code); t != "" && "Status"+strings.NewReplacer(" ", "", "-", "", "'", "").Replace(t) == name {
			return code
		}
	}
	return 0
}
