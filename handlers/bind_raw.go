package handlers

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"yishi/internal/apperr"
)

// rawFieldErrors checks a JSON body before it is decoded into a value of
// type t, for what encoding/json lets through or reports without a field:
// a null anywhere but in a list member, where it reads as the empty list
// (no other request member of this API is nullable, and a null must not
// read as "absent"), and a timestamp that is not an RFC 3339
// string (time.Time's decoder error names no field). It returns nil for a
// body that is not valid JSON: the strict decoder reports that.
func rawFieldErrors(raw []byte, t reflect.Type) []apperr.FieldError {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil
	}
	if v == nil {
		return []apperr.FieldError{{Field: "body", Message: "must be a JSON object, not null"}}
	}
	var out []apperr.FieldError
	walkRaw(v, t, "", &out)
	slices.SortFunc(out, func(a, b apperr.FieldError) int { return strings.Compare(a.Field, b.Field) })
	return out
}

// timeType is time.Time, whose JSON form is an RFC 3339 string.
var timeType = reflect.TypeFor[time.Time]()

// walkRaw appends the field errors of v, which decodes into type t
// (nil when t is unknown: an interface or a member t lacks).
func walkRaw(v any, t reflect.Type, name string, out *[]apperr.FieldError) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil {
		// A null list is the empty list (the spec marks list members
		// nullable); anything else must not be null.
		if name == "" || t == nil || (t.Kind() != reflect.Slice && t.Kind() != reflect.Map) {
			*out = append(*out, apperr.FieldError{Field: orBody(name), Message: "must not be null"})
		}
		return
	}
	if t == timeType {
		s, ok := v.(string)
		if _, err := time.Parse(time.RFC3339Nano, s); !ok || err != nil {
			*out = append(*out, apperr.FieldError{Field: orBody(name), Message: "must be an RFC 3339 timestamp, e.g. 2026-03-03T19:00:00+08:00"})
		}
		return
	}
	switch x := v.(type) {
	case map[string]any:
		for k, m := range x {
			walkRaw(m, memberType(t, k), joinField(name, k), out)
		}
	case []any:
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		for i, m := range x {
			walkRaw(m, elem, joinField(name, strconv.Itoa(i)), out)
		}
	}
}

// memberType is the type of the struct field of t that JSON member k
// decodes into, or nil.
func memberType(t reflect.Type, k string) reflect.Type {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.IsExported() && jsonName(f) == k {
			return f.Type
		}
	}
	return nil
}

// orBody names the whole body when name is empty.
func orBody(name string) string {
	if name == "" {
		return "body"
	}
	return name
}
