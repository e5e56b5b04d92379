package authz

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// VerifyAccess checks raw and returns its claims. Every failure wraps
// ErrInvalidToken. A cached token is re-checked against the clock on each
// hit, so it stops working the moment it expires.
func (t *Tokens) VerifyAccess(raw string) (*AccessClaims, error) {
	if len(raw) > maxTokenLen {
		return nil, fmt.Errorf("verify access token: %w: too long", ErrInvalidToken)
	}
	key := sha256.Sum256([]byte(raw))
	now := t.now()
	if c, ok := t.cache.get(key, now); ok {
		return c, nil
	}
	c, err := t.verifySigned(raw)
	if err != nil {
		return nil, fmt.Errorf("verify access token: %w: %w", ErrInvalidToken, err)
	}
	t.cache.put(key, c, now)
	return c.clone(), nil
}

// verifySigned does the full check: algorithm, header, signature and
// registered claims.
func (t *Tokens) verifySigned(raw string) (*AccessClaims, error) {
	var wire accessJWT
	if _, err := t.parser.ParseWithClaims(raw, &wire, t.verificationKey); err != nil {
		return nil, err
	}
	return wire.toClaims()
}

// verificationKey picks the public key named by the header's kid after
// checking the header describes one of our access tokens.
func (t *Tokens) verificationKey(tok *jwt.Token) (any, error) {
	if _, ok := tok.Method.(*jwt.SigningMethodEd25519); !ok {
		return nil, fmt.Errorf("unexpected alg %v", tok.Header["alg"])
	}
	typ, _ := tok.Header["typ"].(string)
	if !strings.EqualFold(typ, accessTokenType) && !strings.EqualFold(typ, "application/"+accessTokenType) {
		return nil, fmt.Errorf("typ %q is not %s", typ, accessTokenType)
	}
	kid, _ := tok.Header["kid"].(string)
	if kid == "" {
		return nil, errors.New("missing kid")
	}
	pub, ok := t.keys.publicKey(kid)
	if !ok {
		return nil, fmt.Errorf("unknown kid %q", kid)
	}
	return pub, nil
}
