package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"yishi/handlers"
	"yishi/internal/store"
	"yishi/internal/throttle"
)

// doFrom sends a JSON request from the client address addr (RemoteAddr;
// the test router trusts no proxy, so X-Forwarded-For is ignored).
func (a *api) doFrom(addr, method, path string, body any) response {
	a.t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		a.t.Fatal(err)
	}
	req := httptest.NewRequest(method, path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = addr + ":40000"
	w := httptest.NewRecorder()
	a.router.ServeHTTP(w, req)
	return response{w, a.t}
}

// withClock rebuilds a's router with a login guard on a test clock.
func (a *api) withClock(now func() time.Time) {
	a.t.Helper()
	a.deps.Logins = throttle.NewGuard(testThrottleStore(a.st), testPolicies(), now)
	a.deps.Registry = prometheus.NewRegistry()
	r, err := handlers.NewRouter(a.deps)
	if err != nil {
		a.t.Fatal(err)
	}
	a.router = r
}

// testClock is a clock the test moves by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func retryAfter(t *testing.T, r response) int {
	t.Helper()
	secs, err := strconv.Atoi(r.Header().Get("Retry-After"))
	if err != nil || secs < 1 {
		t.Fatalf("Retry-After = %q", r.Header().Get("Retry-After"))
	}
	return secs
}

func creds(phone string) map[string]string {
	return map[string]string{"phone": phone, "password": "password-" + phone}
}

// TestLogin73ResidentsFromOneAddressAllGetIn: only failures count per
// address, so a crowd behind one tea-house Wi-Fi address signs in.
func TestLogin73ResidentsFromOneAddressAllGetIn(t *testing.T) {
	a := newAPI(t)
	const wifi = "203.0.113.73"
	phones := make([]string, 73)
	for i := range phones {
		phones[i] = fmt.Sprintf("137%08d", i+1)
		a.doFrom(wifi, "POST", "/v1/auth/codes", map[string]string{"phone": phones[i], "purpose": "register"}).want(202)
		code, _ := a.sms.Last(phones[i], "register")
		a.doFrom(wifi, "POST", "/v1/auth/register", registration(phones[i], code, "password-"+phones[i], "居民")).want(201)
	}
	// Two residents mistype once first, as people do.
	a.doFrom(wifi, "POST", "/v1/auth/login", map[string]string{"phone": phones[0], "password": "typo-typo"}).want(401)
	a.doFrom(wifi, "POST", "/v1/auth/login", map[string]string{"phone": phones[1], "password": "typo-typo"}).want(401)
	for _, p := range phones {
		a.doFrom(wifi, "POST", "/v1/auth/login", creds(p)).want(200)
	}
}

// TestLoginWrongPasswordsRisingDelay: after a few free failures each
// further wrong password for the phone from that address doubles the wait.
func TestLoginWrongPasswordsRisingDelay(t *testing.T) {
	a := newAPI(t)
	p := a.newPerson("x")
	clock := &testClock{t: time.Now()}
	a.withClock(clock.now)
	const addr = "198.51.100.20"
	wrong := map[string]string{"phone": p.Phone, "password": "wrong-password"}
	for range 3 {
		a.doFrom(addr, "POST", "/v1/auth/login", wrong).want(401)
	}
	last := 0
	for i := range 4 {
		a.doFrom(addr, "POST", "/v1/auth/login", wrong).want(401)
		r := a.doFrom(addr, "POST", "/v1/auth/login", creds(p.Phone)).want(429)
		secs := retryAfter(t, r)
		if secs <= last {
			t.Fatalf("round %d: Retry-After %d did not grow from %d", i, secs, last)
		}
		last = secs
		clock.advance(time.Duration(secs) * time.Second)
	}
	a.doFrom(addr, "POST", "/v1/auth/login", creds(p.Phone)).want(200)
}

// TestLoginAttackerCannotLockOwner: 50 failures for a phone from one
// address do not refuse the owner's right password from another.
func TestLoginAttackerCannotLockOwner(t *testing.T) {
	a := newAPI(t)
	secretary := a.newPerson("秘书")
	clock := &testClock{t: time.Now()}
	a.withClock(clock.now)
	wrong := map[string]string{"phone": secretary.Phone, "password": "guess-guess"}
	failures := 0
	for failures < 50 {
		r := a.doFrom("198.51.100.66", "POST", "/v1/auth/login", wrong)
		switch r.Code {
		case 401:
			failures++
		case 429:
			clock.advance(time.Duration(retryAfter(t, r)) * time.Second)
		default:
			t.Fatalf("attacker got %d", r.Code)
		}
	}
	a.doFrom("203.0.113.10", "POST", "/v1/auth/login", creds(secretary.Phone)).want(200)
	// Another attacker address gets one guess before the phone-wide count
	// slows it.
	a.doFrom("192.0.2.200", "POST", "/v1/auth/login", wrong).want(401)
	a.doFrom("192.0.2.200", "POST", "/v1/auth/login", wrong).want(429)
}

// TestLoginThrottleSharedByTwoInstances: on PostgreSQL the failures one
// instance records slow the same guesser on the other.
func TestLoginThrottleSharedByTwoInstances(t *testing.T) {
	a := newAPI(t)
	if a.st.Dialect != "postgres" {
		t.Skip("shared throttle state needs PostgreSQL; runs in the PostgreSQL pass")
	}
	st2, err := store.Open(context.Background(), a.st.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st2.Close() })
	b := newAPIOn(t, st2, a.deps.Keys)
	p := a.newPerson("x")
	wrong := map[string]string{"phone": p.Phone, "password": "wrong-password"}
	const addr = "198.51.100.30"
	for range 2 {
		a.doFrom(addr, "POST", "/v1/auth/login", wrong).want(401)
		b.doFrom(addr, "POST", "/v1/auth/login", wrong).want(401)
	}
	// Four failures across both instances: past the three free ones.
	b.doFrom(addr, "POST", "/v1/auth/login", creds(p.Phone)).want(429)
	a.doFrom(addr, "POST", "/v1/auth/login", creds(p.Phone)).want(429)
	b.doFrom("203.0.113.31", "POST", "/v1/auth/login", creds(p.Phone)).want(200)
}

// TestRegisterRefusesCommonPasswordAndPhone: 400 naming password for a
// password from the common list or equal to the phone.
func TestRegisterRefusesCommonPasswordAndPhone(t *testing.T) {
	a := newAPI(t)
	for _, pw := range []string{"password", "qwertyuiop", "Password1", "13912340001"} {
		p := a.do("POST", "/v1/auth/register", "", registration("13912340001", "000000", pw, "x")).want(400).obj()
		errs, _ := p["errors"].([]any)
		if p["code"] != "password.weak" || len(errs) != 1 || errs[0].(map[string]any)["field"] != "password" {
			t.Fatalf("%q: problem %v", pw, p)
		}
	}
	a.registerWithCode("13912340001", "花园里的三棵老槐树", "x").want(201)
}

// TestBodyTypeOtherThanJSON415: only routes that declare another media
// type accept it, so relabelling a JSON body as multipart or text does not
// lift the 1 MiB limit; the answer is 415 before the body is read.
func TestBodyTypeOtherThanJSON415(t *testing.T) {
	w := newWorld(t)
	big := bytes.Repeat([]byte("x"), 2<<20)
	for _, tc := range []struct{ path, token, contentType string }{
		{"/v1/auth/login", "", "text/plain"},
		{"/v1/auth/register", "", "multipart/form-data; boundary=xyz"},
		{unitPath(w.A1g1, "/venues"), w.leadA1.Token, "multipart/form-data; boundary=xyz"},
		{unitPath(w.A1g1, "/venues"), w.leadA1.Token, "application/x-www-form-urlencoded"},
	} {
		req := httptest.NewRequest("POST", tc.path, bytes.NewReader(big))
		req.Header.Set("Content-Type", tc.contentType)
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		rec := httptest.NewRecorder()
		w.router.ServeHTTP(rec, req)
		r := response{rec, t}
		if r.want(415).obj()["code"] != "request.unsupported_media_type" ||
			r.Header().Get("Content-Type") != "application/problem+json" {
			t.Fatalf("%s as %s: %s", tc.path, tc.contentType, r.Body.String())
		}
	}
	// The same JSON body over the limit is still 400 naming body.
	w.do("POST", unitPath(w.A1g1, "/venues"), w.leadA1.Token, string(big)).want(400)
}

// TestUnauthenticatedThrottledBeforeDecode: an address over its failure
// allowance gets 429 on every public credential route before its body is
// even parsed.
func TestUnauthenticatedThrottledBeforeDecode(t *testing.T) {
	a := newAPI(t)
	clock := &testClock{t: time.Now()}
	a.withClock(clock.now)
	const addr = "198.51.100.99"
	for i := range 31 {
		a.doFrom(addr, "POST", "/v1/auth/login", map[string]string{
			"phone": fmt.Sprintf("135%08d", i), "password": "wrong-password"}).want(401)
	}
	for _, path := range []string{"/v1/auth/login", "/v1/auth/register", "/v1/auth/refresh", "/v1/auth/password-reset"} {
		req := httptest.NewRequest("POST", path, bytes.NewReader([]byte("{not json")))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = addr + ":1"
		rec := httptest.NewRecorder()
		a.router.ServeHTTP(rec, req)
		retryAfter(t, response{rec, t}.want(429))
	}
	a.doFrom("203.0.113.99", "POST", "/v1/auth/login", map[string]string{"phone": "13500000000", "password": "x"}).want(401)
}
