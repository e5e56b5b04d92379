package handlers

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/messages"
	"yishi/internal/store"
)

// problem is an RFC 9457 problem document. code is a stable machine string.
type problem struct {
	Type     string              `json:"type" example:"about:blank"`
	Title    string              `json:"title" example:"Bad Request"`
	Status   int                 `json:"status" example:"400"`
	Detail   string              `json:"detail,omitempty" example:"the request has invalid fields"`
	Code     string              `json:"code" example:"request.invalid"`
	Instance string              `json:"instance,omitempty" example:"/v1/units/7"`
	Errors   []apperr.FieldError `json:"errors,omitempty"`
}

// statusOf maps an error kind to its HTTP status; 0 for an unknown kind.
func statusOf(k apperr.Kind) int {
	switch k {
	case apperr.KindInvalid:
		return http.StatusBadRequest
	case apperr.KindUnauthorized:
		return http.StatusUnauthorized
	case apperr.KindForbidden:
		return http.StatusForbidden
	case apperr.KindNotFound:
		return http.StatusNotFound
	case apperr.KindConflict:
		return http.StatusConflict
	case apperr.KindUnprocessable:
		return http.StatusUnprocessableEntity
	case apperr.KindTooMany:
		return http.StatusTooManyRequests
	case apperr.KindPreconditionFailed:
		return http.StatusPreconditionFailed
	case apperr.KindTooLarge:
		return http.StatusRequestEntityTooLarge
	case apperr.KindUnavailable:
		return http.StatusServiceUnavailable
	case apperr.KindInsufficientStorage:
		return http.StatusInsufficientStorage
	}
	return 0
}

// classify turns any error into a client-safe *apperr.Error. Database text
// never reaches the client: unknown errors become a bare 500.
func classify(err error) *apperr.Error {
	if e, ok := apperr.As(err); ok {
		return e
	}
	switch {
	case store.Hidden(err):
		return apperr.NotFound("resource")
	case ent.IsConstraintError(err):
		return apperr.Conflict("resource.conflict", "the change conflicts with existing data")
	case ent.IsValidationError(err):
		var ve *ent.ValidationError
		errors.As(err, &ve)
		return apperr.Invalid(apperr.FieldError{Field: ve.Name, Message: "is not valid"})
	}
	return classifyFault(store.FaultOf(err))
}

// Retry-After for database faults: a dropped connection is replaced at
// once and a restart takes seconds; a lock clears within a second.
const (
	retryAfterUnavailable = 2
	retryAfterBusy        = 1
)

// codeUnavailable is the problem code of a database that cannot be
// reached; RetryReads replays a GET or HEAD once when it sees it.
const codeUnavailable = "database.unavailable"

// classifyFault answers database faults (DECISIONS.md): 503 with
// Retry-After when the database is unreachable or busy, 507 when its disk
// is full, since retrying cannot help until an operator frees space.
func classifyFault(f store.Fault) *apperr.Error {
	switch f {
	case store.Unavailable:
		return apperr.Unavailable(codeUnavailable, "the database is unavailable; retry shortly", retryAfterUnavailable)
	case store.Busy:
		return apperr.Unavailable("database.busy", "the database is busy; retry shortly", retryAfterBusy)
	case store.Full:
		return apperr.New(apperr.KindInsufficientStorage, "storage.full", "the server has no room to store the change")
	}
	return nil
}

// writeError is the single place an error becomes an HTTP response.
func writeError(c *gin.Context, logger *slog.Logger, err error) {
	e := classify(err)
	if e == nil {
		logger.ErrorContext(c.Request.Context(), "request failed", "err", err,
			"request_id", requestID(c), "path", c.FullPath())
		e = &apperr.Error{Code: "internal", Detail: "internal error"}
	} else if e.Kind == apperr.KindUnavailable || e.Kind == apperr.KindInsufficientStorage {
		logger.WarnContext(c.Request.Context(), "database fault", "err", err, "code", e.Code,
			"request_id", requestID(c), "path", c.FullPath())
		if e.Code == codeUnavailable {
			markRetryable(c.Request.Context())
		}
	}
	status := statusOf(e.Kind)
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if e.RetryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	if status == http.StatusUnauthorized {
		c.Header("WWW-Authenticate", `Bearer realm="yishi"`)
	}
	writeProblem(c, problem{
		Type: "about:blank", Title: http.StatusText(status), Status: status,
		Detail: e.Detail, Code: e.Code, Instance: c.Request.URL.Path, Errors: e.Fields,
	})
}

// langOf is the caller's language (Accept-Language; zh-CN by default).
func langOf(c *gin.Context) messages.Lang { return messages.Negotiate(c.GetHeader("Accept-Language")) }

// writeProblem answers p in the caller's language (Accept-Language,
// zh-CN by default): title, detail and field messages come from the one
// catalogue, internal/messages; the code never changes.
func writeProblem(c *gin.Context, p problem) {
	lang := langOf(c)
	p.Title = messages.Title(p.Status, lang)
	p.Detail = messages.Detail(p.Code, lang, p.Detail)
	if len(p.Errors) > 0 {
		fields := make([]apperr.FieldError, len(p.Errors))
		for i, f := range p.Errors {
			fields[i] = apperr.FieldError{Field: f.Field, Message: messages.Field(f.Message, lang)}
		}
		p.Errors = fields
	}
	c.Header("Content-Language", string(lang))
	c.Writer.Header().Add("Vary", "Accept-Language")
	body, _ := json.Marshal(p) // a problem always marshals
	c.Data(p.Status, "application/problem+json", body)
	c.Abort()
}

// errUnitNotFound is the one answer for a missing or unreachable unit.
func errUnitNotFound() error { return apperr.NotFound("unit") }
