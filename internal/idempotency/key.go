package idempotency

import (
	"crypto/sha256"
	"hash"

	"yishi/internal/apperr"
)

// MaxKeyLen is the longest key accepted; it matches the column.
const MaxKeyLen = 255

// ParseKey validates the Idempotency-Key header values. The draft defines
// the field as a Structured Field string ("…"); many clients send the bare
// value, so both are accepted and mean the same key.
func ParseKey(values []string) (string, error) {
	if len(values) != 1 {
		return "", invalidKey("must be sent once")
	}
	k := values[0]
	if len(k) >= 2 && k[0] == '"' && k[len(k)-1] == '"' {
		k = k[1 : len(k)-1]
	}
	if len(k) == 0 || len(k) > MaxKeyLen {
		return "", invalidKey("must be 1 to 255 visible ASCII characters")
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return "", invalidKey("must be 1 to 255 visible ASCII characters")
		}
	}
	return k, nil
}

func invalidKey(msg string) error {
	return &apperr.Error{Kind: apperr.KindInvalid, Code: "idempotency.invalid_key",
		Detail: "the Idempotency-Key header " + msg,
		Fields: []apperr.FieldError{{Field: "Idempotency-Key", Message: msg}}}
}

// NewFingerprint starts the request fingerprint: the caller writes the
// body into it and stores the hex sum as Request.Hash. Method and target
// are newline-terminated, which neither can contain, so distinct requests
// never share a prefix.
func NewFingerprint(method, target string) hash.Hash {
	h := sha256.New()
	h.Write([]byte(method + "\n" + target + "\n"))
	return h
}
