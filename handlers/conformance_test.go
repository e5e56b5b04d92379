package handlers_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"yishi/openapi"
)

// The conformance check (issue 16): every request a handler test sends
// through api.do and every answer it gets are validated against the
// served spec with kin-openapi's openapi3filter, so a response that
// breaks its schema, an undocumented status or content type fails the
// test that produced it, naming the operation and the field. Requests the
// spec refuses (the malformed-input tests send many) only need a 4xx
// answer (or a redirect: /docs/ leads to the UI page). YISHI_CONFORMANCE=off turns the check off for a run.

// specRouter is the served spec, loaded once per test binary.
var specRouter = sync.OnceValues(func() (routers.Router, error) {
	// Bodies the spec declares as files or text: only their type is checked.
	for _, mt := range []string{"text/html", "text/css", "application/javascript", "image/png", "image/jpeg",
		"image/webp", "application/pdf", "text/plain", "text/csv",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} {
		openapi3filter.RegisterBodyDecoder(mt, openapi3filter.FileBodyDecoder)
	}
	doc, err := openapi3.NewLoader().LoadFromData(openapi.OpenAPI3())
	if err != nil {
		return nil, fmt.Errorf("load openapi.json: %w", err)
	}
	// Servers say "/"; match any host the tests use.
	doc.Servers = nil
	return legacy.NewRouter(doc)
})

// conformanceOn reports whether requests are validated in this run.
func conformanceOn() bool { return os.Getenv("YISHI_CONFORMANCE") != "off" }

// serveChecked serves req on h and, when the check is on, validates the
// exchange against the spec, failing t on a mismatch.
func serveChecked(t testing.TB, h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if !conformanceOn() {
		return w
	}
	if err := checkExchange(req, body, w); err != nil {
		t.Errorf("conformance: %s %s: %v", req.Method, req.URL.Path, err)
	}
	return w
}

// checkExchange validates one request and its answer.
func checkExchange(req *http.Request, body []byte, w *httptest.ResponseRecorder) error {
	rt, err := specRouter()
	if err != nil {
		return err
	}
	vreq := req.Clone(context.Background())
	vreq.Body = io.NopCloser(bytes.NewReader(body))
	if vreq.URL.Host == "" {
		vreq.URL.Host, vreq.URL.Scheme = "example.com", "http"
	}
	route, params, err := rt.FindRoute(vreq)
	if err != nil {
		// Unknown routes and methods answer 404 and 405 problems.
		if w.Code == http.StatusNotFound || w.Code == http.StatusMethodNotAllowed {
			return nil
		}
		return fmt.Errorf("no operation in the spec (%v), answered %d", err, w.Code)
	}
	op := route.Operation.OperationID
	in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}}
	reqErr := openapi3filter.ValidateRequest(context.Background(), in)
	if reqErr != nil && (w.Code < 300 || w.Code >= 500) && w.Code != http.StatusServiceUnavailable && w.Code != http.StatusInsufficientStorage {
		return fmt.Errorf("%s: the spec refuses the request, the server answered %d:\n%s", op, w.Code, describe(reqErr))
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: w.Code, Header: w.Header(),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	out.SetBodyBytes(w.Body.Bytes())
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		return fmt.Errorf("%s: answer %d breaks the spec:\n%s\nbody: %.600s", op, w.Code, describe(err), w.Body.String())
	}
	return nil
}

// describe lists each validation error on its own line, with the field
// (JSON pointer) a schema error points at.
func describe(err error) string {
	var me openapi3.MultiError
	if errors.As(err, &me) {
		var lines []string
		for _, e := range me {
			lines = append(lines, "  "+describe(e))
		}
		return strings.Join(lines, "\n")
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		return fmt.Sprintf("field %q: %s", "/"+strings.Join(se.JSONPointer(), "/"), se.Reason)
	}
	var re *openapi3filter.ResponseError
	if errors.As(err, &re) && re.Err != nil {
		return re.Reason + ": " + describe(re.Err)
	}
	var rq *openapi3filter.RequestError
	if errors.As(err, &rq) && rq.Err != nil {
		where := rq.Reason
		if rq.Parameter != nil {
			where = "parameter " + rq.Parameter.Name + ": " + where
		}
		return where + ": " + describe(rq.Err)
	}
	return err.Error()
}
