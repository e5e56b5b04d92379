package handlers_test

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestOAuthClientIDNotUTF8: a client_id that is not UTF-8 (found by
// TestEveryOperationRefusesMalformedInput) is 400 invalid_request like a
// NUL; it used to reach a query and answer 500 on PostgreSQL (SQLSTATE
// 22021).
func TestOAuthClientIDNotUTF8(t *testing.T) {
	a := newAPI(t)
	req := httptest.NewRequest("POST", "/v1/oauth/token",
		strings.NewReader("grant_type=client_credentials&client_id=\xff&client_secret=\xfe"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	a.router.ServeHTTP(rec, req)
	if rec.Code != 400 && rec.Code != 401 {
		t.Fatalf("client_id not UTF-8: %d %s", rec.Code, rec.Body.String())
	}
}
