package idempotency_test

import (
	"encoding/hex"
	"strings"
	"testing"

	"yishi/internal/apperr"
	"yishi/internal/idempotency"
)

func TestParseKey(t *testing.T) {
	ok := map[string]string{
		"abc": "abc", `"abc"`: "abc", "8e03978e-40d5-43e8-bc93-6894a57f9324": "8e03978e-40d5-43e8-bc93-6894a57f9324",
		strings.Repeat("k", 255): strings.Repeat("k", 255), "~!": "~!",
	}
	for in, want := range ok {
		if got, err := idempotency.ParseKey([]string{in}); err != nil || got != want {
			t.Errorf("ParseKey(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := [][]string{{""}, {`""`}, {"a b"}, {"键"}, {"tab\t"}, {strings.Repeat("k", 256)}, {"a", "b"}}
	for _, in := range bad {
		_, err := idempotency.ParseKey(in)
		e, isApp := apperr.As(err)
		if !isApp || e.Kind != apperr.KindInvalid || len(e.Fields) != 1 || e.Fields[0].Field != "Idempotency-Key" {
			t.Errorf("ParseKey(%q) = %v; want a 400 naming Idempotency-Key", in, err)
		}
	}
}

func TestFingerprintSeparatesParts(t *testing.T) {
	sum := func(method, target, body string) string {
		h := idempotency.NewFingerprint(method, target)
		h.Write([]byte(body))
		return hex.EncodeToString(h.Sum(nil))
	}
	a := sum("POST", "/v1/x", "{}")
	for _, other := range []string{sum("PUT", "/v1/x", "{}"), sum("POST", "/v1/y", "{}"), sum("POST", "/v1/x", "{ }")} {
		if other == a {
			t.Fatal("different requests share a fingerprint")
		}
	}
	if sum("POST", "/v1/x", "{}") != a {
		t.Fatal("fingerprint is not stable")
	}
}
