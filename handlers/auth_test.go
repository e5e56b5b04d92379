package handlers_test

import (
	"strconv"
	"testing"
)

func TestAuthRegisterLoginMe200(t *testing.T) {
	w := newWorld(t)
	me := w.do("GET", "/v1/me", w.guideA1g1.Token, nil).want(200).obj()
	if int(me["id"].(float64)) != w.guideA1g1.ID || me["phone"] != w.guideA1g1.Phone {
		t.Fatalf("me = %v", me)
	}
	roles := me["role_assignments"].([]any)
	if len(roles) != 1 || roles[0].(map[string]any)["role"] != "guide" {
		t.Fatalf("roles = %v", roles)
	}
	if _, ok := me["password_hash"]; ok {
		t.Fatal("password hash leaked")
	}
}

func TestAuthRegister400(t *testing.T) {
	a := newAPI(t)
	for _, body := range []string{
		`{"phone":"123","password":"longenough","name":"x"}`,
		`{"phone":"13912345678","password":"short","name":"x"}`,
		`{"phone":"13912345678","password":"longenough","name":""}`,
		`{"phone":"13912345678","password":"longenough","name":"x","role":"platform_admin"}`,
	} {
		a.do("POST", "/v1/auth/register", "", body).want(400)
	}
}

func TestAuthLogin401SameForUnknownPhone(t *testing.T) {
	a := newAPI(t)
	p := a.newPerson("x")
	wrong := a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "wrong-password"}).want(401).obj()
	unknown := a.do("POST", "/v1/auth/login", "", map[string]string{"phone": "13700000000", "password": "wrong-password"}).want(401).obj()
	if wrong["code"] != unknown["code"] || wrong["detail"] != unknown["detail"] {
		t.Fatalf("unknown phone distinguishable: %v vs %v", wrong, unknown)
	}
}

func TestAuthLogin429(t *testing.T) {
	a := newAPI(t) // 3 free failures per phone and address in tests
	p := a.newPerson("x")
	for i := 0; i < 4; i++ {
		a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "bad"}).want(401)
	}
	r := a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "password-" + p.Phone}).want(429)
	if secs, err := strconv.Atoi(r.Header().Get("Retry-After")); err != nil || secs < 1 {
		t.Fatalf("Retry-After = %q", r.Header().Get("Retry-After"))
	}
}

func TestAuthRefreshRotatesAndReuseRevokesFamily(t *testing.T) {
	a := newAPI(t)
	p := a.newPerson("x")
	first := a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "password-" + p.Phone}).want(200).obj()
	rt1 := first["refresh_token"].(string)
	second := a.do("POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": rt1}).want(200).obj()
	rt2 := second["refresh_token"].(string)
	if rt2 == rt1 || second["access_token"] == "" {
		t.Fatal("refresh did not rotate")
	}
	a.do("GET", "/v1/me", second["access_token"].(string), nil).want(200)
	// Replaying rt1 is theft: it fails and takes rt2 down with it.
	a.do("POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": rt1}).want(401)
	a.do("POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": rt2}).want(401)
}

func TestAuthLogoutRevokes(t *testing.T) {
	a := newAPI(t)
	p := a.newPerson("x")
	tok := a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "password-" + p.Phone}).want(200).obj()
	rt := tok["refresh_token"].(string)
	a.do("POST", "/v1/auth/logout", "", map[string]string{"refresh_token": rt}).want(204)
	a.do("POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": rt}).want(401)
	a.do("POST", "/v1/auth/logout", "", `{}`).want(400)
}

func TestAuthJWKSListsSigningKey(t *testing.T) {
	a := newAPI(t)
	doc := a.do("GET", "/.well-known/jwks.json", "", nil).want(200).obj()
	keys := doc["keys"].([]any)
	k := keys[0].(map[string]any)
	if len(keys) != 1 || k["kty"] != "OKP" || k["crv"] != "Ed25519" || k["alg"] != "EdDSA" || k["kid"] == "" {
		t.Fatalf("jwks = %v", doc)
	}
}

func TestMeShowsOnlyOwnData(t *testing.T) {
	w := newWorld(t)
	me := w.do("GET", "/v1/me", w.adminB.Token, nil).want(200).obj()
	for _, r := range me["role_assignments"].([]any) {
		if int(r.(map[string]any)["unit_id"].(float64)) != w.B {
			t.Fatalf("foreign role in /me: %v", r)
		}
	}
	w.do("GET", "/v1/me", "", nil).want(401)
}

func TestTenantsCreateByTenantStaff403(t *testing.T) {
	w := newWorld(t)
	for _, p := range []person{w.adminA, w.leadA1, w.resA1g1} {
		w.do("POST", "/v1/tenants", p.Token, map[string]string{"name": "x", "code": "x"}).want(403)
	}
}

// TestAuthControlCharacters400: PostgreSQL refuses NUL in text, so a NUL
// that reached a query or an insert was a 500 there (and stored as is on
// SQLite). Control characters are bad input: 400 naming the field.
func TestAuthControlCharacters400(t *testing.T) {
	a := newAPI(t)
	r := a.do("POST", "/v1/auth/register", "", `{"phone":"13912345678","password":"longenough","name":"a\u0000b"}`).want(400)
	if !namesField(r.obj(), "name") {
		t.Fatalf("register: %s", r.Body.String())
	}
	r = a.do("POST", "/v1/auth/login", "", `{"phone":"1391234\u00005678","password":"longenough"}`).want(400)
	if !namesField(r.obj(), "phone") {
		t.Fatalf("login: %s", r.Body.String())
	}
}
