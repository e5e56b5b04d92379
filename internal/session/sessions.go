// Package session manages refresh tokens: opaque random strings stored
// only as SHA-256 hashes, rotated on every use, grouped in families so
// that replaying a used token (a sign of theft) revokes the whole login.
package session

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"yishi/ent"
)

// ErrInvalidRefresh means the refresh token is unknown, expired or
// revoked; the client must log in again. The HTTP layer maps it to 401.
var ErrInvalidRefresh = errors.New("invalid refresh token")

// ErrRefreshReused means an already-used token was presented, so its
// family has been revoked. It matches ErrInvalidRefresh with errors.Is and
// is separate only so the event can be logged and audited.
var ErrRefreshReused = fmt.Errorf("%w: reused, family revoked", ErrInvalidRefresh)

// Sessions issues, rotates and revokes refresh tokens. Every call uses the
// system context because the RefreshToken privacy policy admits nothing
// else: tokens belong to authentication, not to any tenant.
type Sessions struct {
	client *ent.Client
	ttl    time.Duration
	now    func() time.Time
}

// New returns Sessions whose tokens live for ttl after each rotation (a
// sliding lifetime). now is injected for tests; nil means time.Now.
func New(client *ent.Client, ttl time.Duration, now func() time.Time) *Sessions {
	if now == nil {
		now = time.Now
	}
	return &Sessions{client: client, ttl: ttl, now: now}
}

// TTL is the lifetime of a refresh token, for cookies and responses.
func (s *Sessions) TTL() time.Duration { return s.ttl }

// clock returns the current time in UTC, the form stored in the database.
func (s *Sessions) clock() time.Time { return s.now().UTC() }

// newRaw returns n random bytes, base64url without padding.
func newRaw(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// hashRaw is the stored form of a raw token: a database leak then reveals
// no usable token, and 256 random bits need no salt or slow hash.
func hashRaw(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}
