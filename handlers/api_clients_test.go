package handlers_test

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func (a *api) clientToken(id, secret, scope string) response {
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}}
	if scope != "" {
		form.Set("scope", scope)
	}
	req := httptest.NewRequest("POST", "/v1/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	a.router.ServeHTTP(rec, req)
	return response{rec, a.t}
}

func TestAPIClientsCredentialsFlow(t *testing.T) {
	w := newWorld(t)
	created := w.do("POST", unitPath(w.A1, "/api-clients"), w.adminA.Token, map[string]any{
		"name": "12345热线", "role": "guide", "scopes": []string{"unit:read", "member:read"}}).want(201).obj()
	id, secret := created["client_id"].(string), created["client_secret"].(string)
	list := w.do("GET", unitPath(w.A1, "/api-clients"), w.adminA.Token, nil).want(200)
	if strings.Contains(list.Body.String(), secret) || strings.Contains(list.Body.String(), "client_secret") {
		t.Fatal("the secret is shown after creation")
	}
	w.clientToken(id, "wrong", "").want(401)
	w.clientToken(id, secret, "unit:create").want(400)
	tok := w.clientToken(id, secret, "").want(200).obj()["access_token"].(string)
	w.do("GET", unitPath(w.A1g1, ""), tok, nil).want(200)
	w.do("GET", unitPath(w.A1, "/members"), tok, nil).want(200)
	w.do("GET", unitPath(w.A2, ""), tok, nil).want(404) // sibling
	w.do("GET", unitPath(w.B, ""), tok, nil).want(404)  // other tenant
	w.do("GET", "/v1/me", tok, nil).want(403)
	narrow := w.clientToken(id, secret, "unit:read").want(200).obj()["access_token"].(string)
	w.do("GET", unitPath(w.A1, "/members"), narrow, nil).want(403) // outside the token's scope
	w.do("DELETE", fmt.Sprintf("/v1/api-clients/%d", int(created["id"].(float64))), w.adminA.Token, nil).want(204)
	w.do("GET", unitPath(w.A1g1, ""), tok, nil).want(404)
	w.clientToken(id, secret, "").want(401)
}

func TestAPIClientsCreate400And403(t *testing.T) {
	w := newWorld(t)
	w.do("POST", unitPath(w.A1, "/api-clients"), w.adminA.Token, map[string]any{
		"name": "x", "role": "tenant_admin", "scopes": []string{"unit:read"}}).want(400)
	w.do("POST", unitPath(w.A1, "/api-clients"), w.adminA.Token, map[string]any{
		"name": "x", "role": "implementer", "scopes": []string{"unit:create"}}).want(400)
	w.do("POST", unitPath(w.A1, "/api-clients"), w.leadA1.Token, map[string]any{
		"name": "x", "role": "guide", "scopes": []string{"unit:read"}}).want(403)
}

// TestOAuthTokenControlCharacterClientID400: the client_id goes into a
// query, and PostgreSQL answers a NUL with an error (a 500). No client id
// holds a control character, so the request is malformed.
func TestOAuthTokenControlCharacterClientID400(t *testing.T) {
	a := newAPI(t)
	p := a.clientToken("yc_\x00abc", "ys_secret", "").want(400).obj()
	if p["code"] != "oauth.invalid_request" {
		t.Fatalf("problem = %v", p)
	}
}
