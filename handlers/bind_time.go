package handlers

import (
	"reflect"
	"strings"
	"time"

	"yishi/internal/apperr"
)

// badTimeField names the first time of a decoded request that lies
// outside the years 1 to 9999 in UTC, or "". RFC 3339 accepts
// "9999-12-31T23:59:59-23:59", which is in the year 10000 in UTC: the
// databases store it, but encoding/json cannot write it back, so the
// object would answer every later read with an empty body or a 500.
func badTimeField(v reflect.Value, name string) string {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return badTimeField(v.Elem(), name)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if f := badTimeField(v.Index(i), name); f != "" {
				return f
			}
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() { // stop before its unexported fields
			if y := v.Interface().(time.Time).UTC().Year(); !v.IsZero() && (y < 1 || y > 9999) {
				return name
			}
			return ""
		}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() {
				continue
			}
			if f := badTimeField(v.Field(i), joinField(name, jsonName(t.Field(i)))); f != "" {
				return f
			}
		}
	}
	return ""
}

// jsonName is the name a struct field has in JSON.
func jsonName(f reflect.StructField) string {
	if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag != "" {
		return tag
	}
	return f.Name
}

// rejectBadTimes is the bind-time check: a time outside the years 1 to
// 9999 (UTC) is 400 naming the field.
func rejectBadTimes(dst any) error {
	if f := badTimeField(reflect.ValueOf(dst), ""); f != "" {
		return apperr.Invalid(apperr.FieldError{Field: f, Message: "must be a time in the years 0001 to 9999 (UTC)"})
	}
	return nil
}
