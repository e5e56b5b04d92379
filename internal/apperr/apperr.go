// Package apperr is the typed error vocabulary shared by the business
// layer and the HTTP layer. Code below handlers returns these; only
// handlers/errors.go turns them into HTTP statuses.
package apperr

import (
	"errors"
	"fmt"
)

// Kind classifies an error by what the caller can do about it.
type Kind int

// The kinds. Each maps to one HTTP status in handlers/errors.go.
const (
	KindInvalid Kind = iota + 1
	KindUnauthorized
	KindForbidden
	KindNotFound
	KindConflict
	KindUnprocessable
	KindTooMany
	// KindPreconditionFailed is a conditional request (If-Match) whose
	// condition no longer holds: the caller edited a stale copy.
	KindPreconditionFailed
	// KindTooLarge is a body or file over a configured size limit: the
	// caller must send less, not fix a field.
	KindTooLarge
	// KindUnavailable is a server that cannot serve the request now (the
	// database is unreachable or busy, or every password-hashing slot is
	// taken): the request was fine and the caller should retry after
	// RetryAfter seconds. Maps to 503.
	KindUnavailable
	// KindInsufficientStorage is a write refused because the database's
	// disk is full: retrying soon will not help, an operator must act.
	KindInsufficientStorage
)

// FieldError names one offending request field, as JSON Pointer-ish dotted
// path, with a human-readable reason.
type FieldError struct {
	Field   string `json:"field" example:"name"`
	Message string `json:"message" example:"must not be empty"`
}

// Error is a client-facing error: a stable machine code such as
// "unit.code_taken", a safe detail message and optional field errors.
type Error struct {
	Kind       Kind
	Code       string
	Detail     string
	Fields     []FieldError
	RetryAfter int // seconds, for KindTooMany and KindUnavailable
}

// Error implements error.
func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Detail) }

// New builds an Error.
func New(kind Kind, code, detail string) *Error {
	return &Error{Kind: kind, Code: code, Detail: detail}
}

// Invalid is a 400 naming the offending fields.
func Invalid(fields ...FieldError) *Error {
	return &Error{Kind: KindInvalid, Code: "request.invalid", Detail: "the request has invalid fields", Fields: fields}
}

// NotFound is the answer for anything missing or outside the caller's
// scope; the two must look identical.
func NotFound(what string) *Error {
	return &Error{Kind: KindNotFound, Code: what + ".not_found", Detail: "no such " + what}
}

// Forbidden is for callers inside the scope who lack the permission.
func Forbidden(detail string) *Error {
	return &Error{Kind: KindForbidden, Code: "auth.forbidden", Detail: detail}
}

// Unauthorized is for missing or bad credentials.
func Unauthorized(detail string) *Error {
	return &Error{Kind: KindUnauthorized, Code: "auth.unauthorized", Detail: detail}
}

// Conflict is a 409 with a stable code.
func Conflict(code, detail string) *Error { return New(KindConflict, code, detail) }

// Unavailable is a 503: the request could not be served now, but the same
// request may succeed after retryAfter seconds.
func Unavailable(code, detail string, retryAfter int) *Error {
	return &Error{Kind: KindUnavailable, Code: code, Detail: detail, RetryAfter: retryAfter}
}

// As returns the *Error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
