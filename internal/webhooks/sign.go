// Package webhooks registers partner endpoints and delivers the outbox's
// events to them following the Standard Webhooks conventions: headers
// webhook-id, webhook-timestamp and webhook-signature (v1, HMAC-SHA256
// over "id.timestamp.body"), retries with backoff, in order per endpoint.
package webhooks

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// secretPrefix marks a Standard Webhooks secret; the rest is base64.
const secretPrefix = "whsec_"

// NewSecret mints a 32-byte secret in its shown form, whsec_ + base64.
func NewSecret() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("webhook secret: %w", err)
	}
	return secretPrefix + base64.StdEncoding.EncodeToString(b[:]), nil
}

// Sign is the webhook-signature header of body sent as message id at
// unix time ts: "v1," + base64(HMAC-SHA256(key, id.ts.body)), where key
// is the secret's base64 part decoded.
func Sign(secret, id string, ts int64, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, secretPrefix))
	if err != nil {
		return "", fmt.Errorf("webhook secret: %w", err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + strconv.FormatInt(ts, 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}

// Verify reports whether header (one or more space-separated signatures)
// holds a valid v1 signature of body; receivers and tests use it.
func Verify(secret, id string, ts int64, body []byte, header string) bool {
	want, err := Sign(secret, id, ts, body)
	if err != nil {
		return false
	}
	for _, sig := range strings.Fields(header) {
		if hmac.Equal([]byte(sig), []byte(want)) {
			return true
		}
	}
	return false
}
