package authz

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// IssueAccess signs an access token for c with the current signing key.
// It returns the compact JWT and its expiry (for expires_in).
func (t *Tokens) IssueAccess(c AccessClaimsInput) (token string, expiresAt time.Time, err error) {
	if _, _, err := parseSubject(c.Subject); err != nil {
		return "", time.Time{}, fmt.Errorf("issue access token: %w", err)
	}
	if err := checkScopes(c.Scopes); err != nil {
		return "", time.Time{}, fmt.Errorf("issue access token: %w", err)
	}
	jti, err := randomID()
	if err != nil {
		return "", time.Time{}, fmt.Errorf("issue access token: %w", err)
	}
	now := t.now().UTC().Truncate(time.Second)
	expiresAt = now.Add(t.ttl)
	claims := accessJWT{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    t.issuer,
			Subject:   c.Subject,
			Audience:  jwt.ClaimStrings{t.audience},
			ExpiresAt: jwt.NewNumericDate(expiresAt),
			NotBefore: jwt.NewNumericDate(now),
			IssuedAt:  jwt.NewNumericDate(now),
			ID:        jti,
		},
		TenantID: c.TenantID,
		Scope:    strings.Join(c.Scopes, " "),
	}
	signer := t.keys.signer()
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims)
	tok.Header["kid"] = signer.kid
	tok.Header["typ"] = accessTokenType
	token, err = tok.SignedString(signer.priv)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("issue access token: sign: %w", err)
	}
	return token, expiresAt, nil
}

// randomID returns 128 random bits, base64url, for the jti claim.
func randomID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random id: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
