package authz

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestIssueVerifyRoundTrip(t *testing.T) {
	c := newTestClock()
	tk := NewTokens(newTestKeySet(t, newTestKey(t)), testIssuer, testAudience, testTTL, c.now)
	raw, exp, err := tk.IssueAccess(AccessClaimsInput{Subject: "c:3", TenantID: 7, Scopes: []string{"proposals:read", "votes:read"}})
	if err != nil {
		t.Fatal(err)
	}
	if !exp.Equal(c.now().Add(testTTL)) {
		t.Fatalf("expiresAt = %v", exp)
	}
	got, err := tk.VerifyAccess(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.ClientID != 3 || got.UserID != 0 || got.TenantID != 7 || got.ID == "" ||
		!slices.Equal(got.Scopes, []string{"proposals:read", "votes:read"}) || !got.ExpiresAt.Equal(exp) {
		t.Fatalf("claims = %+v", got)
	}
	user, err := tk.VerifyAccess(issueTest(t, tk, AccessClaimsInput{Subject: "u:12"}))
	if err != nil || user.UserID != 12 || user.Scopes != nil || user.TenantID != 0 {
		t.Fatalf("user claims = %+v, %v", user, err)
	}
}

func TestIssueRejectsBadInput(t *testing.T) {
	tk := NewTokens(newTestKeySet(t, newTestKey(t)), testIssuer, testAudience, testTTL, nil)
	for _, in := range []AccessClaimsInput{
		{Subject: ""}, {Subject: "admin"}, {Subject: "u:0"}, {Subject: "u:01"}, {Subject: "x:1"},
		{Subject: "u:1", Scopes: []string{"a b"}}, {Subject: "u:1", Scopes: []string{""}},
	} {
		if _, _, err := tk.IssueAccess(in); err == nil {
			t.Errorf("IssueAccess(%+v) succeeded", in)
		}
	}
}

func TestVerifyRejectsAttacks(t *testing.T) {
	c := newTestClock()
	key := newTestKey(t)
	ks := newTestKeySet(t, key)
	kid := ks.SigningKID()
	tk := NewTokens(ks, testIssuer, testAudience, testTTL, c.now)
	good := issueTest(t, tk, AccessClaimsInput{Subject: "u:1"})
	other := newTestKey(t)
	otherTokens := func(iss, aud string) string {
		ot := NewTokens(ks, iss, aud, testTTL, c.now)
		return issueTest(t, ot, AccessClaimsInput{Subject: "u:1"})
	}
	claims := validClaims(c)
	futureNbf := claims
	futureNbf.NotBefore = jwt.NewNumericDate(c.now().Add(time.Hour))
	noExp := claims
	noExp.ExpiresAt = nil
	badSub := claims
	badSub.Subject = "tenant_admin"
	attacks := map[string]string{
		"alg none":        signCustom(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, map[string]any{"kid": kid}, claims),
		"HS256 pubkey":    signCustom(t, jwt.SigningMethodHS256, []byte(key.Public().(ed25519.PublicKey)), map[string]any{"kid": kid}, claims),
		"HS256 b64 key":   signCustom(t, jwt.SigningMethodHS256, []byte(ks.JWKS().Keys[0].X), map[string]any{"kid": kid}, claims),
		"other key":       signCustom(t, jwt.SigningMethodEdDSA, other, map[string]any{"kid": keyID(other.Public().(ed25519.PublicKey))}, claims),
		"other key ourid": signCustom(t, jwt.SigningMethodEdDSA, other, map[string]any{"kid": kid}, claims),
		"missing kid":     signCustom(t, jwt.SigningMethodEdDSA, key, nil, claims),
		"typ JWT":         signCustom(t, jwt.SigningMethodEdDSA, key, map[string]any{"kid": kid, "typ": "JWT"}, claims),
		"typ missing":     signCustom(t, jwt.SigningMethodEdDSA, key, map[string]any{"kid": kid, "typ": nil}, claims),
		"nbf future":      signCustom(t, jwt.SigningMethodEdDSA, key, map[string]any{"kid": kid}, futureNbf),
		"no exp":          signCustom(t, jwt.SigningMethodEdDSA, key, map[string]any{"kid": kid}, noExp),
		"role subject":    signCustom(t, jwt.SigningMethodEdDSA, key, map[string]any{"kid": kid}, badSub),
		"tampered":        tamperPayload(t, good),
		"wrong iss":       otherTokens("https://evil.test", testAudience),
		"wrong aud":       otherTokens(testIssuer, "other-api"),
		"opaque":          "dGhpcyBpcyBhbiBvcGFxdWUgcmVmcmVzaCB0b2tlbiAxMjM0NTY3ODkw",
		"empty":           "",
		"too long":        good + string(make([]byte, maxTokenLen)),
	}
	for name, raw := range attacks {
		_, err := tk.VerifyAccess(raw)
		t.Logf("%s: %v", name, err)
		if !errors.Is(err, ErrInvalidToken) {
			t.Errorf("%s: err = %v, want ErrInvalidToken", name, err)
		}
	}
	if _, err := tk.VerifyAccess(good); err != nil {
		t.Fatalf("good token rejected: %v", err)
	}
}

func TestVerifyRejectsOtherAlgorithms(t *testing.T) {
	c := newTestClock()
	ks := newTestKeySet(t, newTestKey(t))
	tk := NewTokens(ks, testIssuer, testAudience, testTTL, c.now)
	for _, m := range []jwt.SigningMethod{jwt.SigningMethodHS256, jwt.SigningMethodHS512} {
		raw := signCustom(t, m, []byte("secret"), map[string]any{"kid": ks.SigningKID()}, validClaims(c))
		if _, err := tk.VerifyAccess(raw); !errors.Is(err, ErrInvalidToken) {
			t.Errorf("%s accepted: %v", m.Alg(), err)
		}
	}
}

func TestVerifyRejectsExpiredEvenWhenCached(t *testing.T) {
	c := newTestClock()
	tk := NewTokens(newTestKeySet(t, newTestKey(t)), testIssuer, testAudience, testTTL, c.now)
	raw := issueTest(t, tk, AccessClaimsInput{Subject: "u:1"})
	if _, err := tk.VerifyAccess(raw); err != nil {
		t.Fatal(err)
	}
	c.advance(testTTL - time.Second)
	if _, err := tk.VerifyAccess(raw); err != nil {
		t.Fatalf("cached token before expiry: %v", err)
	}
	c.advance(time.Second + clockLeeway + time.Second)
	_, err := tk.VerifyAccess(raw)
	if !errors.Is(err, ErrInvalidToken) || !errors.Is(err, jwt.ErrTokenExpired) {
		t.Fatalf("expired cached token: err = %v", err)
	}
}

// tamperPayload rewrites the subject inside raw's payload and keeps the
// original signature.
func tamperPayload(t *testing.T, raw string) string {
	t.Helper()
	parts := strings.Split(raw, ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	forged := strings.Replace(string(payload), `"sub":"u:1"`, `"sub":"u:999"`, 1)
	if forged == string(payload) {
		t.Fatalf("payload %s has no sub to tamper with", payload)
	}
	parts[1] = base64.RawURLEncoding.EncodeToString([]byte(forged))
	return strings.Join(parts, ".")
}
