package authz

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// AccessClaimsInput is what the caller decides about a new access token;
// issuer, audience, times and the token id are filled in by Tokens.
type AccessClaimsInput struct {
	Subject  string   // UserSubject(id) or ClientSubject(id): "u:12", "c:3"
	TenantID int      // set for partner-app tokens bound to one tenant
	Scopes   []string // partner-app scopes; empty for user tokens
}

// AccessClaims is a verified access token, reduced to what the rest of
// Yishi needs to build a viewer. Exactly one of UserID and ClientID is set.
type AccessClaims struct {
	Subject   string
	UserID    int
	ClientID  int
	TenantID  int
	Scopes    []string
	ID        string // jti
	IssuedAt  time.Time
	ExpiresAt time.Time
}

// clone copies c so callers cannot change a cached entry.
func (c *AccessClaims) clone() *AccessClaims {
	cp := *c
	cp.Scopes = slices.Clone(c.Scopes)
	return &cp
}

// accessJWT is the wire form of the claims.
type accessJWT struct {
	jwt.RegisteredClaims
	TenantID int    `json:"tid,omitempty"`
	Scope    string `json:"scope,omitempty"`
}

// toClaims converts verified wire claims, rejecting a subject of unknown
// form so that no later code has to guess.
func (w *accessJWT) toClaims() (*AccessClaims, error) {
	c := &AccessClaims{Subject: w.Subject, TenantID: w.TenantID, ID: w.ID}
	kind, id, err := parseSubject(w.Subject)
	if err != nil {
		return nil, err
	}
	if kind == "u" {
		c.UserID = id
	} else {
		c.ClientID = id
	}
	if w.Scope != "" {
		c.Scopes = strings.Fields(w.Scope)
	}
	if w.IssuedAt != nil {
		c.IssuedAt = w.IssuedAt.Time
	}
	c.ExpiresAt = w.ExpiresAt.Time // required by the parser
	return c, nil
}

// parseSubject splits "u:12" or "c:3" into its kind and positive id.
func parseSubject(sub string) (kind string, id int, err error) {
	kind, num, ok := strings.Cut(sub, ":")
	if !ok || (kind != "u" && kind != "c") {
		return "", 0, fmt.Errorf("subject %q: want u:<id> or c:<id>", sub)
	}
	id, err = strconv.Atoi(num)
	if err != nil || id <= 0 || strconv.Itoa(id) != num {
		return "", 0, fmt.Errorf("subject %q: bad id", sub)
	}
	return kind, id, nil
}

// checkScopes rejects scopes that would not survive the space-separated
// "scope" claim.
func checkScopes(scopes []string) error {
	for _, s := range scopes {
		if s == "" || strings.ContainsAny(s, " \t\r\n") {
			return errors.New("scope must be non-empty without spaces")
		}
	}
	return nil
}
