package handlers_test

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"yishi/authz"
)

// TestTokenAttacks401: every forged, stale or misdirected token gets 401.
func TestTokenAttacks401(t *testing.T) {
	w := newWorld(t)
	victim := w.adminA
	valid := w.do("GET", "/v1/me", victim.Token, nil).want(200)
	_ = valid
	sub := authz.UserSubject(victim.ID)
	now := time.Now()
	claims := jwt.MapClaims{"iss": "yishi", "aud": "yishi-api", "sub": sub,
		"iat": now.Unix(), "exp": now.Add(10 * time.Minute).Unix()}
	kid := w.deps.Keys.SigningKID()

	none := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
	none.Header["kid"], none.Header["typ"] = kid, "at+jwt"
	noneTok, _ := none.SignedString(jwt.UnsafeAllowNoneSignatureType)

	pub, _ := base64.RawURLEncoding.DecodeString(w.deps.Keys.JWKS().Keys[0].X)
	hs := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	hs.Header["kid"], hs.Header["typ"] = kid, "at+jwt"
	hsTok, _ := hs.SignedString(pub)

	other := newTestKeys(t)
	issue := func(tokens *authz.Tokens) string {
		tok, _, err := tokens.IssueAccess(authz.AccessClaimsInput{Subject: sub})
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	expired := issue(authz.NewTokens(w.deps.Keys, "yishi", "yishi-api", time.Minute, func() time.Time { return now.Add(-time.Hour) }))
	unknownKid := issue(authz.NewTokens(other, "yishi", "yishi-api", time.Minute, time.Now))
	wrongIss := issue(authz.NewTokens(w.deps.Keys, "evil", "yishi-api", time.Minute, time.Now))
	wrongAud := issue(authz.NewTokens(w.deps.Keys, "yishi", "other-api", time.Minute, time.Now))

	// Tamper: make the guide's token claim the tenant admin's subject.
	parts := strings.Split(w.guideA1g1.Token, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	forged := strings.Replace(string(payload), `"`+authz.UserSubject(w.guideA1g1.ID)+`"`, `"`+sub+`"`, 1)
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(forged)) + "." + parts[2]

	login := w.do("POST", "/v1/auth/login", "", map[string]string{"phone": victim.Phone, "password": "password-" + victim.Phone}).want(200).obj()
	refresh := login["refresh_token"].(string)

	attacks := map[string]string{
		"alg none": noneTok, "HS256 with the public key": hsTok, "expired": expired,
		"unknown kid": unknownKid, "tampered payload": tampered, "wrong iss": wrongIss,
		"wrong aud": wrongAud, "refresh token as access token": refresh, "garbage": "not.a.jwt",
	}
	for name, tok := range attacks {
		t.Run(name, func(t *testing.T) {
			r := w.do("GET", unitPath(w.A, ""), tok, nil).want(401)
			if r.obj()["code"] != "auth.unauthorized" || r.Header().Get("WWW-Authenticate") == "" {
				t.Fatalf("problem = %s", r.Body.String())
			}
		})
	}
	w.do("GET", unitPath(w.A, ""), victim.Token, nil).want(200)
}
