package authz

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// ErrInvalidToken is wrapped by every VerifyAccess failure so the HTTP
// layer maps them all to one 401 without telling an attacker which check
// failed. The wrapped jwt error (e.g. jwt.ErrTokenExpired) is still there
// for logs and for an "expired" hint.
var ErrInvalidToken = errors.New("invalid access token")

const (
	// accessTokenType is the JOSE "typ" of access tokens (RFC 9068). It
	// stops an ID token or any other JWT signed by us being used as one.
	accessTokenType = "at+jwt"
	// clockLeeway tolerates clock skew between instances and partners.
	clockLeeway = 10 * time.Second
	// maxTokenLen bounds the work an oversized Authorization header costs.
	maxTokenLen = 4096
	// defaultCacheSize bounds the verified-token cache (DESIGN.md §10);
	// an entry is about 300 bytes, so the cache stays under ~20 MB.
	defaultCacheSize = 50_000
)

// Tokens issues and verifies short-lived EdDSA access tokens. Verified
// tokens are cached until they expire, because signature verification is
// the largest per-request cost.
type Tokens struct {
	keys     *KeySet
	issuer   string
	audience string
	ttl      time.Duration
	now      func() time.Time
	parser   *jwt.Parser
	cache    *verifiedCache
}

// NewTokens returns Tokens signing with keys. now is injected for tests;
// nil means time.Now.
func NewTokens(keys *KeySet, issuer, audience string, ttl time.Duration, now func() time.Time) *Tokens {
	return newTokens(keys, issuer, audience, ttl, now, defaultCacheSize)
}

// newTokens is NewTokens with a cache size; 0 disables the cache.
func newTokens(keys *KeySet, issuer, audience string, ttl time.Duration, now func() time.Time, cacheSize int) *Tokens {
	if now == nil {
		now = time.Now
	}
	parser := jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodEdDSA.Alg()}),
		jwt.WithIssuer(issuer),
		jwt.WithAudience(audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(clockLeeway),
		jwt.WithTimeFunc(now),
		jwt.WithStrictDecoding(),
	)
	return &Tokens{
		keys: keys, issuer: issuer, audience: audience, ttl: ttl, now: now,
		parser: parser, cache: newVerifiedCache(cacheSize),
	}
}

// TTL is the lifetime of new access tokens, reported as expires_in.
func (t *Tokens) TTL() time.Duration { return t.ttl }
