package handlers_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"yishi/handlers"
	"yishi/internal/sms"
	"yishi/internal/throttle"
)

// rebuild makes a new router over a's deps after a test changed them.
func (a *api) rebuild() {
	a.t.Helper()
	a.deps.Registry = prometheus.NewRegistry()
	r, err := handlers.NewRouter(a.deps)
	if err != nil {
		a.t.Fatal(err)
	}
	a.router = r
}

// gateway is a local SMS gateway receiving signed webhook posts; it
// refuses the first failFirst deliveries with 503 to exercise retries.
type gateway struct {
	mu        sync.Mutex
	got       []sms.Message
	badSigs   int
	failFirst int
	arrived   chan struct{}
}

func newGateway(t *testing.T, secret string, failFirst int) (*gateway, *httptest.Server) {
	g := &gateway{failFirst: failFirst, arrived: make(chan struct{}, 16)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		g.mu.Lock()
		defer g.mu.Unlock()
		if !sms.Verify([]byte(secret), r.Header.Get(sms.HeaderTimestamp), body, r.Header.Get(sms.HeaderSignature)) {
			g.badSigs++
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		if g.failFirst > 0 {
			g.failFirst--
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		var m sms.Message
		if err := json.Unmarshal(body, &m); err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		g.got = append(g.got, m)
		g.arrived <- struct{}{}
	}))
	t.Cleanup(srv.Close)
	return g, srv
}

// wait returns the next delivered message.
func (g *gateway) wait(t *testing.T) sms.Message {
	t.Helper()
	select {
	case <-g.arrived:
	case <-time.After(10 * time.Second):
		t.Fatal("no code reached the gateway")
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.got[len(g.got)-1]
}

// TestRegisterWithCodeFromSignedWebhook: the code travels through the
// webhook sender to a local gateway that checks the HMAC signature (after
// one refused attempt, retried), and registering with it works once.
func TestRegisterWithCodeFromSignedWebhook(t *testing.T) {
	a := newAPI(t)
	const secret = "gateway-secret"
	g, srv := newGateway(t, secret, 1)
	hook := sms.NewWebhook(srv.URL, []byte(secret))
	hook.Backoff = 10 * time.Millisecond
	a.deps.SMS = sms.NewAsync(hook, 4, 10*time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	a.rebuild()
	const phone = "13600000001"
	r := a.do("POST", "/v1/auth/codes", "", map[string]string{"phone": phone, "purpose": "register"}).want(202).obj()
	if r["expires_in"] != float64(600) || r["privacy_notice_version"] != testNoticeVersion {
		t.Fatalf("code answer %v", r)
	}
	m := g.wait(t)
	if m.Phone != phone || m.Purpose != "register" || len(m.Code) != 6 || time.Until(m.ExpiresAt) > 10*time.Minute {
		t.Fatalf("delivered %+v", m)
	}
	body := registration(phone, m.Code, "garden-bench-42", "王师傅")
	a.do("POST", "/v1/auth/register", "", body).want(201)
	a.do("POST", "/v1/auth/register", "", body).want(400) // single use
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": phone, "password": "garden-bench-42"}).want(200)
	if g.badSigs != 0 {
		t.Fatalf("%d deliveries had a bad signature", g.badSigs)
	}
}

// TestCodesAnswerAlikeForKnownAndUnknownPhones: same status and body for
// every phone and purpose; only the right phones receive a code.
func TestCodesAnswerAlikeForKnownAndUnknownPhones(t *testing.T) {
	a := newAPI(t)
	known := a.newPerson("老住户")
	const unknown = "13600000002"
	var bodies []string
	for _, phone := range []string{known.Phone, unknown} {
		for _, purpose := range []string{"register", "reset"} {
			r := a.do("POST", "/v1/auth/codes", "", map[string]string{"phone": phone, "purpose": purpose}).want(202)
			bodies = append(bodies, r.Body.String())
		}
	}
	for _, b := range bodies[1:] {
		if b != bodies[0] {
			t.Fatalf("answers differ: %v", bodies)
		}
	}
	if _, ok := a.sms.Last(known.Phone, "reset"); !ok {
		t.Fatal("the account holder got no reset code")
	}
	if _, ok := a.sms.Last(unknown, "reset"); ok {
		t.Fatal("a phone without an account got a reset code")
	}
	if _, ok := a.sms.Last(unknown, "register"); !ok {
		t.Fatal("a free phone got no register code")
	}
	// A reset for a phone without an account fails like a wrong code.
	noAccount := a.do("POST", "/v1/auth/password-reset", "", map[string]string{
		"phone": unknown, "code": "123456", "password": "new-garden-pass"}).want(400)
	wrongCode := a.do("POST", "/v1/auth/password-reset", "", map[string]string{
		"phone": known.Phone, "code": wrongOf(a, known.Phone, "reset"), "password": "new-garden-pass"}).want(400)
	if noAccount.Body.String() != wrongCode.Body.String() {
		t.Fatalf("unknown phone %s, wrong code %s", noAccount.Body, wrongCode.Body)
	}
}

// wrongOf is a code that is not the one delivered to phone.
func wrongOf(a *api, phone, purpose string) string {
	code, _ := a.sms.Last(phone, purpose)
	if code == "000000" {
		return "000001"
	}
	return "000000"
}

// TestCodeTriesExpiryAndSingleUse: five wrong tries spend a code, an
// expired code and a retired one fail, a used one fails the second time,
// and a registration without a code is 400 naming code.
func TestCodeTriesExpiryAndSingleUse(t *testing.T) {
	a := newAPI(t)
	r := a.do("POST", "/v1/auth/register", "", map[string]string{"phone": "13600000010", "password": "garden-bench-42",
		"name": "x", "privacy_notice_version": testNoticeVersion}).want(400)
	if !namesField(r.obj(), "code") {
		t.Fatalf("no code: %s", r.Body)
	}
	// Five wrong tries: the right code no longer works.
	const tries = "13600000011"
	code := a.codeFor(tries, "register")
	for range 5 {
		a.do("POST", "/v1/auth/register", "", registration(tries, wrongOf(a, tries, "register"), "garden-bench-42", "x")).want(400)
	}
	a.do("POST", "/v1/auth/register", "", registration(tries, code, "garden-bench-42", "x")).want(400)
	// Expired: ten minutes later (moved by hand in the database).
	const expiring = "13600000012"
	code = a.codeFor(expiring, "register")
	if _, err := a.st.DB.Exec(fmt.Sprintf("UPDATE one_time_codes SET expires_at = created_at WHERE phone = '%s'", expiring)); err != nil {
		t.Fatal(err)
	}
	a.do("POST", "/v1/auth/register", "", registration(expiring, code, "garden-bench-42", "x")).want(400)
	// A newer code retires the older one.
	const twice = "13600000013"
	first := a.codeFor(twice, "register")
	second := a.codeFor(twice, "register")
	if first != second {
		a.do("POST", "/v1/auth/register", "", registration(twice, first, "garden-bench-42", "x")).want(400)
	}
	a.do("POST", "/v1/auth/register", "", registration(twice, second, "garden-bench-42", "x")).want(201)
	// Single use, on reset.
	reset := a.codeFor(twice, "reset")
	body := map[string]string{"phone": twice, "code": reset, "password": "another-bench-43"}
	a.do("POST", "/v1/auth/password-reset", "", body).want(204)
	a.do("POST", "/v1/auth/password-reset", "", body).want(400)
	// The consent is recorded with the account.
	tok := a.do("POST", "/v1/auth/login", "", map[string]string{"phone": twice, "password": "another-bench-43"}).want(200).obj()["access_token"].(string)
	prof := a.do("GET", "/v1/me/export", tok, nil).want(200).obj()["profile"].(map[string]any)
	if prof["privacy_notice_version"] != testNoticeVersion || prof["privacy_consented_at"] == nil {
		t.Fatalf("consent not recorded: %v", prof)
	}
	// An outdated notice is refused naming the field.
	const late = "13600000014"
	b := registration(late, a.codeFor(late, "register"), "garden-bench-42", "x")
	b["privacy_notice_version"] = "2020-01"
	if r := a.do("POST", "/v1/auth/register", "", b).want(400); !namesField(r.obj(), "privacy_notice_version") {
		t.Fatalf("old notice: %s", r.Body)
	}
}

// TestCodesThrottledPerPhoneAndPerAddress: a fourth request for one phone
// within the hour is free, a fifth waits, known and unknown phones alike;
// one address spraying many phones is slowed too.
func TestCodesThrottledPerPhoneAndPerAddress(t *testing.T) {
	a := newAPI(t)
	known := a.newPerson("老住户")
	for _, phone := range []string{known.Phone, "13600000020"} {
		n := 4
		if phone == known.Phone {
			n = 3 // its registration already asked for one
		}
		for i := range n {
			a.doFrom(fmt.Sprintf("203.0.113.%d", 40+i), "POST", "/v1/auth/codes", map[string]string{"phone": phone, "purpose": "reset"}).want(202)
		}
		retryAfter(t, a.doFrom("203.0.113.50", "POST", "/v1/auth/codes", map[string]string{"phone": phone, "purpose": "reset"}).want(429))
	}
	p := testPolicies()
	p.CodeAddress.Free = 5
	a.deps.Logins = throttle.NewGuard(testThrottleStore(a.st), p, time.Now)
	a.rebuild()
	const addr = "198.51.100.7"
	for i := range 6 {
		a.doFrom(addr, "POST", "/v1/auth/codes", map[string]string{"phone": fmt.Sprintf("136100000%02d", i), "purpose": "register"}).want(202)
	}
	retryAfter(t, a.doFrom(addr, "POST", "/v1/auth/codes", map[string]string{"phone": "13610000099", "purpose": "register"}).want(429))
	a.doFrom("198.51.100.8", "POST", "/v1/auth/codes", map[string]string{"phone": "13610000099", "purpose": "register"}).want(202)
}

// TestCodeRequestBadInput400: phone and purpose are named.
func TestCodeRequestBadInput400(t *testing.T) {
	a := newAPI(t)
	r := a.do("POST", "/v1/auth/codes", "", map[string]string{"phone": "12", "purpose": "login"}).want(400).obj()
	if !namesField(r, "phone") || !namesField(r, "purpose") {
		t.Fatalf("problem %v", r)
	}
}
