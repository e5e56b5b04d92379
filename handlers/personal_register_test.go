package handlers_test

import (
	"testing"
)

// TestRegisterTakenPhoneFailsLikeWrongCode (issues 15 and 11): a code
// request answers alike for a taken and a free phone, no register code
// reaches the taken phone, and its registration fails exactly like a
// wrong code; the owner's password keeps working.
func TestRegisterTakenPhoneFailsLikeWrongCode(t *testing.T) {
	a := newAPI(t)
	const owner, free = "13912345678", "13912345679"
	a.registerWithCode(owner, "longenough-1", "李阿姨").want(201)
	takenCode := a.do("POST", "/v1/auth/codes", "", map[string]string{"phone": owner, "purpose": "register"})
	freeCode := a.do("POST", "/v1/auth/codes", "", map[string]string{"phone": free, "purpose": "register"})
	if takenCode.Code != 202 || freeCode.Code != 202 || takenCode.Body.String() != freeCode.Body.String() {
		t.Fatalf("code answers differ: %d %s / %d %s", takenCode.Code, takenCode.Body, freeCode.Code, freeCode.Body)
	}
	if n := a.sms.Count(owner); n != 1 {
		t.Fatalf("the taken phone received %d messages, want only its first registration's", n)
	}
	taken := a.do("POST", "/v1/auth/register", "", registration(owner, "123456", "otherpass-2", "李阿姨")).want(400)
	wrong := a.do("POST", "/v1/auth/register", "", registration(free, "123456", "otherpass-2", "李阿姨")).want(400)
	if taken.Body.String() != wrong.Body.String() || taken.obj()["code"] != "code.invalid" || !namesField(taken.obj(), "code") {
		t.Fatalf("taken phone answers %s, wrong code %s", taken.Body, wrong.Body)
	}
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": owner, "password": "longenough-1"}).want(200)
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": owner, "password": "otherpass-2"}).want(401)
}
