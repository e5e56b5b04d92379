package handlers

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/privacy"
	"yishi/internal/apperr"
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

var kindStatus = map[apperr.Kind]int{
	apperr.KindInvalid:            http.StatusBadRequest,
	apperr.KindUnauthorized:       http.StatusUnauthorized,
	apperr.KindForbidden:          http.StatusForbidden,
	apperr.KindNotFound:           http.StatusNotFound,
	apperr.KindConflict:           http.StatusConflict,
	apperr.KindUnprocessable:      http.StatusUnprocessableEntity,
	apperr.KindTooMany:            http.StatusTooManyRequests,
	apperr.KindPreconditionFailed: http.StatusPreconditionFailed,
	apperr.KindTooLarge:           http.StatusRequestEntityTooLarge,
}

// classify turns any error into a client-safe *apperr.Error. Database text
// never reaches the client: unknown errors become a bare 500.
func classify(err error) *apperr.Error {
	if e, ok := apperr.As(err); ok {
		return e
	}
	switch {
	case ent.IsNotFound(err), errors.Is(err, privacy.Deny):
		return apperr.NotFound("resource")
	case ent.IsConstraintError(err):
		return apperr.Conflict("resource.conflict", "the change conflicts with existing data")
	case ent.IsValidationError(err):
		var ve *ent.ValidationError
		errors.As(err, &ve)
		return apperr.Invalid(apperr.FieldError{Field: ve.Name, Message: "is not valid"})
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
	}
	status, ok := kindStatus[e.Kind]
	if !ok {
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

func writeProblem(c *gin.Context, p problem) {
	body, _ := json.Marshal(p) // a problem always marshals
	c.Data(p.Status, "application/problem+json", body)
	c.Abort()
}

var errUnitNotFound = apperr.NotFound("unit")
