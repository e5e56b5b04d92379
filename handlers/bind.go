package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
)

// validator is implemented by request DTOs; it returns every offending
// field at once so a client can fix them all in one round trip.
type validator interface {
	validate() []apperr.FieldError
}

// bindJSON decodes the body strictly (unknown fields and trailing data are
// errors) into dst and validates it.
func bindJSON(c *gin.Context, dst validator) error {
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return apperr.Invalid(apperr.FieldError{Field: "body", Message: "must hold a single JSON object"})
	}
	if fields := dst.validate(); len(fields) > 0 {
		return apperr.Invalid(fields...)
	}
	return nil
}

func decodeError(err error) error {
	var maxErr *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &maxErr):
		return &apperr.Error{Kind: apperr.KindInvalid, Code: "request.too_large",
			Detail: fmt.Sprintf("the body exceeds %d bytes", maxErr.Limit),
			Fields: []apperr.FieldError{{Field: "body", Message: "too large"}}}
	case errors.Is(err, io.EOF):
		return apperr.Invalid(apperr.FieldError{Field: "body", Message: "must not be empty"})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return apperr.Invalid(apperr.FieldError{Field: "body", Message: "is not valid JSON"})
	case errors.As(err, &typeErr):
		return apperr.Invalid(apperr.FieldError{Field: typeErr.Field, Message: "must be a " + typeErr.Type.String()})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return apperr.Invalid(apperr.FieldError{Field: name, Message: "is not a known field"})
	}
	return apperr.Invalid(apperr.FieldError{Field: "body", Message: "could not be decoded"})
}

// pathID parses the :name URL parameter. A malformed id names nothing, so
// it answers 404 like a missing one.
func pathID(c *gin.Context, name, resource string) (int, error) {
	id, err := strconv.Atoi(c.Param(name))
	if err != nil || id <= 0 {
		return 0, apperr.NotFound(resource)
	}
	return id, nil
}

// bindOptionalJSON is bindJSON for bodies a client may omit entirely.
func bindOptionalJSON(c *gin.Context, dst validator) error {
	if c.Request.ContentLength == 0 {
		if fields := dst.validate(); len(fields) > 0 {
			return apperr.Invalid(fields...)
		}
		return nil
	}
	return bindJSON(c, dst)
}
