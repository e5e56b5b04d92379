package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
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
	raw, err := io.ReadAll(c.Request.Body)
	if err != nil {
		return decodeError(err)
	}
	if fields := rawFieldErrors(raw, reflect.TypeOf(dst)); len(fields) > 0 {
		return apperr.Invalid(fields...)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return apperr.Invalid(apperr.FieldError{Field: "body", Message: "must hold a single JSON object"})
	}
	if err := rejectNUL(dst); err != nil {
		return err
	}
	if err := rejectBadTimes(dst); err != nil {
		return err
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
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return apperr.Invalid(apperr.FieldError{Field: "body", Message: "must be a JSON object"})
	case errors.As(err, &typeErr):
		return apperr.Invalid(apperr.FieldError{Field: typeErr.Field, Message: "must be " + jsonKind(typeErr.Type.Kind())})
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

// jsonKind names a Go kind the way a JSON client thinks of it, so
// problems never show Go type names.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	}
	return "a different type"
}
