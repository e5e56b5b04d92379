package handlers

import (
	"reflect"
	"testing"

	"yishi/internal/phone"
)

// The spec's phone pattern is a struct tag (swag reads only literals); it
// must stay the one rule of internal/phone.
func TestPhoneTagIsThePhonePattern(t *testing.T) {
	f, _ := reflect.TypeOf(registerRequest{}).FieldByName("Phone")
	if got := f.Tag.Get("pattern"); got != phone.Pattern {
		t.Fatalf("registerRequest.Phone pattern %q, want phone.Pattern %q", got, phone.Pattern)
	}
}
