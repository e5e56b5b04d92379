package handlers_test

import (
	"testing"
)

// TestRegisterTakenPhoneAnswersAlike (issue 15): registering a phone that
// already has an account answers exactly like registering a new one, and
// changes nothing: the owner still signs in with their own password, the
// second password does not work.
func TestRegisterTakenPhoneAnswersAlike(t *testing.T) {
	a := newAPI(t)
	body := func(phone, pw string) map[string]string {
		return map[string]string{"phone": phone, "password": pw, "name": "李阿姨"}
	}
	fresh := a.do("POST", "/v1/auth/register", "", body("13912345678", "longenough-1"))
	taken := a.do("POST", "/v1/auth/register", "", body("13912345678", "otherpass-2"))
	other := a.do("POST", "/v1/auth/register", "", body("13912345679", "longenough-1"))
	for name, r := range map[string]response{"fresh": fresh, "taken": taken, "other": other} {
		if r.Code != 201 {
			t.Fatalf("%s: status %d: %s", name, r.Code, r.Body.String())
		}
	}
	if taken.Body.String() != fresh.Body.String() {
		t.Fatalf("a taken phone answers %s, a new one %s", taken.Body.String(), fresh.Body.String())
	}
	if taken.Header().Get("Location") != other.Header().Get("Location") {
		t.Fatalf("headers differ: %v vs %v", taken.Header(), other.Header())
	}
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": "13912345678", "password": "longenough-1"}).want(200)
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": "13912345678", "password": "otherpass-2"}).want(401)
}
