package main

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"yishi/handlers"
)

// problemSchema is the one schema of every error answer.
const (
	problemSchema   = "Problem"
	swagProblem     = "handlers.problem"
	errorCodeSchema = "ErrorCode"
	problemType     = "application/problem+json"
)

// enrich completes the converted document with what swag cannot say and
// the route table and sources know: problem+json errors with one Problem
// schema and an ErrorCode enum, each operation's error codes, public
// operations' empty security, the statuses the middleware answers (413,
// 415, 429, 503 with Retry-After), required and nullable fields, and the
// proposal lifecycle table. It fails on an operation without an
// operationId, a tag or a summary, and on duplicate operationIds.
func enrich(doc *openapi3.T, table []handlers.RouteAccess, codes []errorCode, src string) error {
	if err := checkOperations(doc); err != nil {
		return err
	}
	if err := problems(doc, codes); err != nil {
		return err
	}
	byRoute := map[string]handlers.RouteAccess{}
	for _, r := range table {
		byRoute[r.Method+" "+r.OpenAPIPath] = r
	}
	for _, p := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(p)
		for method, op := range item.Operations() {
			r, ok := byRoute[method+" "+p]
			if !ok {
				return fmt.Errorf("%s %s: not in the route table", method, p)
			}
			middlewareStatuses(op, r)
			problemContent(op)
			fileContent(op)
			if err := operationCodes(op, r, codes); err != nil {
				return fmt.Errorf("%s %s: %w", method, p, err)
			}
		}
	}
	if err := shapes(doc, src); err != nil {
		return err
	}
	return lifecycle(doc, table)
}

// fileContent gives the spreadsheet answers of exports (text/csv and
// XLSX, which swag copies from the JSON schema of the same status) the
// schema of a file: CSV is text, XLSX binary.
func fileContent(op *openapi3.Operation) {
	for _, ref := range op.Responses.Map() {
		if ref.Value == nil {
			continue
		}
		for mt, c := range ref.Value.Content {
			switch mt {
			case "text/csv":
				c.Schema = openapi3.NewStringSchema().NewRef()
			case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
				c.Schema = openapi3.NewStringSchema().WithFormat("binary").NewRef()
			}
		}
	}
}

// checkOperations fails on an operation that lacks an operationId, tag or
// summary, and on an operationId used twice: generators name methods
// after operationIds, so they must be there and stable.
func checkOperations(doc *openapi3.T) error {
	var bad []string
	seen := map[string]string{}
	for _, p := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(p).Operations() {
			key := method + " " + p
			switch {
			case op.OperationID == "":
				bad = append(bad, key+": no operationId (swag @ID)")
			case seen[op.OperationID] != "":
				bad = append(bad, fmt.Sprintf("%s: operationId %s also names %s", key, op.OperationID, seen[op.OperationID]))
			default:
				seen[op.OperationID] = key
			}
			if len(op.Tags) == 0 {
				bad = append(bad, key+": no tag (swag @Tags)")
			}
			if strings.TrimSpace(op.Summary) == "" {
				bad = append(bad, key+": no summary (swag @Summary)")
			}
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("operations are incomplete:\n  %s", strings.Join(bad, "\n  "))
	}
	return nil
}

// problems renames swag's handlers.problem to Problem, gives its code the
// ErrorCode enum (one value per catalogued code, described in
// x-enum-descriptions) and marks its always-present members required.
func problems(doc *openapi3.T, codes []errorCode) error {
	schemas := doc.Components.Schemas
	ref, ok := schemas[swagProblem]
	if !ok {
		return fmt.Errorf("components: no %s schema (the problem type in handlers/errors.go)", swagProblem)
	}
	delete(schemas, swagProblem)
	schemas[problemSchema] = ref
	renameRefs(doc, "#/components/schemas/"+swagProblem, "#/components/schemas/"+problemSchema)
	enum := openapi3.NewStringSchema()
	enum.Description = "Every error code the API answers with; docs/ERRORS.md says what each means."
	descs := map[string]string{}
	for _, c := range codes {
		enum.Enum = append(enum.Enum, c.Code)
		descs[c.Code] = fmt.Sprintf("%d: %s", c.Status, c.Meaning)
	}
	enum.Extensions = map[string]any{"x-enum-descriptions": descs}
	schemas[errorCodeSchema] = openapi3.NewSchemaRef("", enum)
	s := ref.Value
	s.Description = "An RFC 9457 problem document, served as application/problem+json. code is stable; title and detail are for people."
	if c := s.Properties["code"]; c != nil {
		s.Properties["code"] = &openapi3.SchemaRef{Ref: "#/components/schemas/" + errorCodeSchema}
	}
	s.Required = []string{"type", "title", "status", "code"}
	return nil
}

// renameRefs rewrites every $ref from old to new.
func renameRefs(doc *openapi3.T, old, new string) {
	seen := map[*openapi3.Schema]bool{}
	var walk func(r *openapi3.SchemaRef)
	walk = func(r *openapi3.SchemaRef) {
		if r == nil {
			return
		}
		if r.Ref == old {
			r.Ref = new
		}
		s := r.Value
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for _, p := range s.Properties {
			walk(p)
		}
		walk(s.Items)
		if s.AdditionalProperties.Schema != nil {
			walk(s.AdditionalProperties.Schema)
		}
		for _, l := range [][]*openapi3.SchemaRef{s.AllOf, s.OneOf, s.AnyOf} {
			for _, x := range l {
				walk(x)
			}
		}
	}
	for _, s := range doc.Components.Schemas {
		walk(s)
	}
	for _, p := range doc.Paths.Map() {
		for _, op := range p.Operations() {
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					walk(mt.Schema)
				}
			}
			for _, resp := range op.Responses.Map() {
				if resp.Value == nil {
					continue
				}
				for _, mt := range resp.Value.Content {
					walk(mt.Schema)
				}
			}
		}
	}
}

// retryAfter is the Retry-After header of 429 and 503 answers.
func retryAfter() *openapi3.HeaderRef {
	h := &openapi3.Header{Parameter: openapi3.Parameter{
		Description: "Seconds to wait before retrying.",
		Schema:      openapi3.NewSchemaRef("", openapi3.NewIntegerSchema().WithMin(1)),
	}}
	return &openapi3.HeaderRef{Value: h}
}

// metaPaths serve embedded files and never touch the database.
var metaPaths = []string{"/openapi.json", "/swagger.json", "/docs/{any}", "/.well-known/jwks.json", "/healthz"}

// middlewareStatuses documents what the route table says the middleware
// answers: empty security on public routes; 415 on JSON-body writes; 413
// where a body is size-limited (every body; uploads by their own quota);
// 429 on metered writes by signed-in callers; 503 with Retry-After on
// every route that reads the database. New routes get them by being in
// the table.
func middlewareStatuses(op *openapi3.Operation, r handlers.RouteAccess) {
	public := r.Actions == nil && r.Rule.Mode == "public"
	if public {
		op.Security = &openapi3.SecurityRequirements{}
	}
	write := r.Method == http.MethodPost || r.Method == http.MethodPut || r.Method == http.MethodPatch
	if write && op.RequestBody != nil {
		addProblem(op, 415, "request.unsupported_media_type: the body's Content-Type is not one this operation takes")
		if slices.Contains(r.Bodies, "multipart/form-data") {
			addProblem(op, 413, "attachment.too_large, attachment.quota_exceeded: the upload is over YISHI_MAX_UPLOAD_BYTES, or over the tenant's storage quota")
		}
	}
	if !public {
		addProblem(op, 401, "auth.unauthorized: no, expired or invalid credentials")
		addProblem(op, 403, "auth.forbidden: the caller lacks the permission here")
	}
	if r.Actions != nil {
		addProblem(op, 405, "route.method_not_allowed: the path names a route of other methods (see Allow), not an action")
	}
	if r.Target != "" || r.Actions != nil {
		addProblem(op, 404, "the target does not exist or lies outside the caller's reach")
	}
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.In == "header" && strings.EqualFold(p.Value.Name, "If-Match") {
			addProblem(op, 412, "precondition.failed: If-Match names an older version")
		}
	}
	if r.Method != http.MethodGet && !slices.Contains(metaPaths, r.OpenAPIPath) {
		addProblem(op, 507, "storage.full: the database's disk is full; an operator must act")
	}
	// Every media type the route accepts is declared.
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		for _, mt := range r.Bodies {
			if op.RequestBody.Value.Content.Get(mt) != nil {
				continue
			}
			schema := openapi3.NewStringSchema()
			if mt == "multipart/form-data" {
				schema = openapi3.NewObjectSchema().WithProperty("file", openapi3.NewStringSchema().WithFormat("binary"))
			}
			op.RequestBody.Value.Content[mt] = openapi3.NewMediaType().WithSchema(schema)
		}
	}
	// withQueryNULCheck runs on every route.
	addProblem(op, 400, "request.invalid: a field is invalid, or a query parameter holds NUL or is not UTF-8")
	if r.Method == http.MethodPost && !public {
		addProblem(op, 409, "idempotency.in_progress: a request with this Idempotency-Key is still running")
		addProblem(op, 422, "idempotency.key_reused: this Idempotency-Key was used for a different request")
	}
	if write && !public && !r.Unmetered {
		addProblem(op, 429, "write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After")
	}
	if !slices.Contains(metaPaths, r.OpenAPIPath) {
		addProblem(op, 503, "database.unavailable, database.busy: the database cannot serve the request now; see Retry-After")
	}
	for _, code := range []int{429, 503} {
		if resp := op.Responses.Status(code); resp != nil && resp.Value != nil {
			if resp.Value.Headers == nil {
				resp.Value.Headers = openapi3.Headers{}
			}
			resp.Value.Headers["Retry-After"] = retryAfter()
		}
	}
}

// addProblem documents status with a problem answer unless it already is.
func addProblem(op *openapi3.Operation, status int, desc string) {
	if op.Responses.Status(status) != nil {
		return
	}
	resp := openapi3.NewResponse().WithDescription(desc)
	resp.Content = openapi3.NewContentWithSchemaRef(&openapi3.SchemaRef{Ref: "#/components/schemas/" + problemSchema}, []string{problemType})
	op.Responses.Set(strconv.Itoa(status), &openapi3.ResponseRef{Value: resp})
}

// problemContent declares every 4xx and 5xx answer as
// application/problem+json with the Problem schema, the way writeProblem
// serves them.
func problemContent(op *openapi3.Operation) {
	for status, resp := range op.Responses.Map() {
		n, err := strconv.Atoi(status)
		if err != nil || n < 400 || resp.Value == nil {
			continue
		}
		resp.Value.Content = openapi3.NewContentWithSchemaRef(&openapi3.SchemaRef{Ref: "#/components/schemas/" + problemSchema}, []string{problemType})
	}
}

// codePattern finds dotted error codes in prose.
var codePattern = regexp.MustCompile(`\b[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\b`)

// genericCodes are the codes any operation answering a status may carry.
var genericCodes = map[int][]string{
	400: {"request.invalid", "request.too_large", "idempotency.invalid_key"},
	409: {"idempotency.in_progress"},
	405: {"route.method_not_allowed"},
	412: {"precondition.failed"},
	507: {"storage.full"},
	422: {"idempotency.key_reused"},
	401: {"auth.unauthorized"},
	403: {"auth.forbidden"},
	413: {"attachment.too_large", "attachment.quota_exceeded"},
	415: {"request.unsupported_media_type"},
	429: {"write.rate_limited"},
	503: {"database.unavailable", "database.busy"},
}

// operationCodes lists in x-error-codes, and in a description line, the
// codes an operation can answer: those its annotations name, those every
// answer of a documented status carries, and the not-found codes of its
// target and path.
func operationCodes(op *openapi3.Operation, r handlers.RouteAccess, codes []errorCode) error {
	known := map[string]errorCode{}
	for _, c := range codes {
		known[c.Code] = c
	}
	set := map[string]bool{}
	text := op.Description
	for status, resp := range op.Responses.Map() {
		n, _ := strconv.Atoi(status)
		if n < 400 || resp.Value == nil {
			continue
		}
		if resp.Value.Description != nil {
			text += " " + *resp.Value.Description
		}
		for _, c := range genericCodes[n] {
			if _, ok := known[c]; ok {
				set[c] = true
			}
		}
		if n == 404 {
			if kind, _, _ := strings.Cut(r.Target, " "); kind != "" {
				set[kind+".not_found"] = true
			}
			if r.Actions != nil {
				set["action.not_found"] = true
			}
		}
	}
	for _, m := range codePattern.FindAllString(text, -1) {
		if _, ok := known[m]; ok {
			set[m] = true
		}
	}
	var list []string
	for c := range set {
		if _, ok := known[c]; !ok {
			return fmt.Errorf("error code %s is not raised anywhere in the sources", c)
		}
		// A code is listed under a status the operation documents.
		if resp := op.Responses.Status(known[c].Status); resp == nil && known[c].Status != 0 {
			continue
		}
		list = append(list, c)
	}
	if len(list) == 0 {
		return nil
	}
	sort.Strings(list)
	if op.Extensions == nil {
		op.Extensions = map[string]any{}
	}
	op.Extensions["x-error-codes"] = list
	op.Description = beforePermission(op.Description, "Error codes: "+strings.Join(list, ", ")+" (docs/ERRORS.md).")
	return nil
}

// beforePermission adds a paragraph to desc before its closing
// "Permission…" line, which must stay last (handlers' route-table tests
// and the annotator find it there).
func beforePermission(desc, para string) string {
	i := strings.LastIndex(desc, "\n\nPermission")
	if i < 0 && strings.HasPrefix(desc, "Permission") {
		return para + "\n\n" + desc
	}
	if i < 0 {
		return strings.TrimRight(desc, "\n") + "\n\n" + para
	}
	return desc[:i] + "\n\n" + para + desc[i:]
}
