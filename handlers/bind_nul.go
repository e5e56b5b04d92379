package handlers

import (
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
)

// nulField names the first string field of a decoded request that holds a
// NUL character, or "". PostgreSQL text cannot store NUL (SQLite would
// store it silently), so it is refused for every request at bind time
// instead of failing later as a database error.
func nulField(v reflect.Value, name string) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return nulField(v.Elem(), name)
		}
	case reflect.String:
		if strings.ContainsRune(v.String(), 0) {
			return name
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if f := nulField(v.Index(i), name); f != "" {
				return f
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if f := nulField(v.MapIndex(k), name+"."+k.String()); f != "" {
				return f
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() {
				continue
			}
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if tag == "" {
				tag = t.Field(i).Name
			}
			if f := nulField(v.Field(i), joinField(name, tag)); f != "" {
				return f
			}
		}
	}
	return ""
}

func joinField(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// rejectNUL is the bind-time check: a NUL anywhere in the request is 400
// naming the field.
func rejectNUL(dst any) error {
	if f := nulField(reflect.ValueOf(dst), ""); f != "" {
		return apperr.Invalid(apperr.FieldError{Field: f, Message: "must not contain NUL characters"})
	}
	return nil
}

// withQueryNULCheck refuses a query string holding a NUL character (for
// example ?q=%00) or bytes that are not UTF-8 (?category=%FF), naming the
// parameter: PostgreSQL refuses both in a query parameter, which turned
// such a filter into a 500 (found by TestEveryOperationRefusesMalformedInput).
func withQueryNULCheck(s *server) gin.HandlerFunc {
	return func(c *gin.Context) {
		for name, values := range c.Request.URL.Query() {
			for _, v := range values {
				if msg := badQueryText(name, v); msg != "" {
					writeError(c, s.Logger, apperr.Invalid(apperr.FieldError{Field: strings.ToValidUTF8(name, "\ufffd"), Message: msg}))
					return
				}
			}
		}
		c.Next()
	}
}

// badQueryText says what is wrong with a query parameter, or "".
func badQueryText(name, value string) string {
	switch {
	case strings.ContainsRune(value, 0) || strings.ContainsRune(name, 0):
		return "must not contain NUL characters"
	case !utf8.ValidString(value) || !utf8.ValidString(name):
		return "must be UTF-8"
	}
	return ""
}
