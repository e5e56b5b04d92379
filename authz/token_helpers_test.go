package authz

import (
	"crypto/ed25519"
	"crypto/rand"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const (
	testIssuer   = "https://yishi.test"
	testAudience = "yishi-api"
	testTTL      = 15 * time.Minute
)

// testClock is a hand-advanced clock for Tokens.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time          { return c.t }
func (c *testClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestClock() *testClock {
	return &testClock{t: time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)}
}

// newTestKey returns a fresh Ed25519 private key.
func newTestKey(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

// newTestKeySet returns a key set over keys, failing the test on error.
func newTestKeySet(t testing.TB, keys ...ed25519.PrivateKey) *KeySet {
	t.Helper()
	ks, err := NewKeySet(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

// issueTest issues a user token, failing the test on error.
func issueTest(t testing.TB, tk *Tokens, in AccessClaimsInput) string {
	t.Helper()
	raw, _, err := tk.IssueAccess(in)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// validClaims are well-formed claims for hand-built attack tokens.
func validClaims(c *testClock) accessJWT {
	now := c.now()
	return accessJWT{RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    testIssuer,
		Subject:   "u:1",
		Audience:  jwt.ClaimStrings{testAudience},
		ExpiresAt: jwt.NewNumericDate(now.Add(time.Minute)),
		IssuedAt:  jwt.NewNumericDate(now),
		ID:        "jti",
	}}
}

// signCustom signs claims with method and key after overriding header
// fields; a nil header value deletes the field.
func signCustom(t *testing.T, method jwt.SigningMethod, key any, header map[string]any, claims jwt.Claims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	tok.Header["typ"] = accessTokenType
	for k, v := range header {
		if v == nil {
			delete(tok.Header, k)
			continue
		}
		tok.Header[k] = v
	}
	raw, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
