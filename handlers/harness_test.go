package handlers_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"yishi/authz"
	"yishi/ent"
	"yishi/handlers"
	"yishi/internal/blobstore"
	"yishi/internal/config"
	"yishi/internal/password"
	"yishi/internal/session"
	"yishi/internal/sms"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/throttle"
	"yishi/internal/viewer"
)

// api is one running Yishi instance over a private database.
type api struct {
	t       testing.TB
	st      *store.Store
	deps    handlers.Deps
	router  *gin.Engine
	phones  atomic.Int64
	blobDir string // where attachment bytes land, for tests that count files
	// sms holds every one-time code the instance sent; tests read codes
	// from it and register through the verifying HTTP path.
	sms *sms.Memory
}

// newAPI builds the real router on a fresh migrated database (SQLite in
// memory, or PostgreSQL when YISHI_TEST_DATABASE_URL is set).
func newAPI(t testing.TB) *api {
	t.Helper()
	return newAPIOn(t, testdb.Open(t), newTestKeys(t))
}

func newTestKeys(t testing.TB) *authz.KeySet {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := authz.NewKeySet(priv)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// newAPIOn builds an instance over st; two instances over one PostgreSQL
// database model two servers behind a load balancer.
func newAPIOn(t testing.TB, st *store.Store, keys *authz.KeySet) *api {
	t.Helper()
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	cfg, err := config.Load(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	pgURL := ""
	if st.Dialect == "postgres" {
		pgURL = st.URL
	}
	policy, err := authz.NewPolicy(st.Client, st.DB, st.Dialect, logger,
		authz.WithPostgresURL(pgURL), authz.WithPollInterval(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	if err := policy.Load(ctx); err != nil {
		t.Fatal(err)
	}
	go policy.Watch(ctx)
	cfg.MaxUploadBytes = testMaxUpload
	// Fixtures write far faster than people; TestWriteRatePerUser429 sets
	// its own small rate.
	cfg.WriteRate = 1 << 20
	// Webhook tests receive on a local httptest server;
	// TestWebhookSSRFTargetsRefused builds a router without this.
	cfg.WebhookAllowPrivate = true
	blobDir := t.TempDir()
	blobs, err := blobstore.NewLocal(blobDir)
	if err != nil {
		t.Fatal(err)
	}
	codes := &sms.Memory{}
	d := handlers.Deps{
		SMS:    codes,
		Config: cfg, Store: st, Logger: logger, Policy: policy, Keys: keys,
		Tokens:    authz.NewTokens(keys, cfg.Issuer, cfg.Audience, cfg.AccessTTL, time.Now),
		Sessions:  session.New(st.Client, cfg.RefreshTTL, time.Now),
		Passwords: password.NewHasher(password.TestParams()),
		Logins:    throttle.NewGuard(testThrottleStore(st), testPolicies(), time.Now),
		Registry:  prometheus.NewRegistry(), Version: "test", Blobs: blobs,
	}
	r, err := handlers.NewRouter(d)
	if err != nil {
		t.Fatal(err)
	}
	return &api{t: t, st: st, deps: d, router: r, blobDir: blobDir, sms: codes}
}

// testThrottleStore is the production choice: shared through PostgreSQL,
// in memory on SQLite.
func testThrottleStore(st *store.Store) throttle.Store {
	if st.Dialect == "postgres" {
		return throttle.NewSQL(st.DB)
	}
	return throttle.NewMemory(1000)
}

// testPolicies are the production rules with fewer free failures per
// phone, so throttling tests stay short.
func testPolicies() throttle.Policies {
	p := throttle.DefaultPolicies()
	p.Pair.Free, p.Phone.Free = 3, 5
	p.Register.Free = 10_000
	p.CodeAddress.Free = 10_000
	return p
}

// testMaxUpload keeps the 413 tests fast, yet lies above the 1 MiB JSON
// body limit so tests prove that uploads are not held to it.
const testMaxUpload = 1536 << 10

// response is a recorded answer with helpers to read it.
type response struct {
	*httptest.ResponseRecorder
	t testing.TB
}

// do sends a JSON request; body may be nil, a string (sent raw), a
// multipartBody (sent as multipart/form-data) or any value (marshalled).
func (a *api) do(method, path, token string, body any) response {
	a.t.Helper()
	return a.doWith(method, path, token, body, nil)
}

// doWith is do with extra request headers (Idempotency-Key, If-Match …).
func (a *api) doWith(method, path, token string, body any, headers map[string]string) response {
	a.t.Helper()
	var rd io.Reader
	contentType := "application/json"
	switch b := body.(type) {
	case nil:
	case multipartBody:
		rd, contentType = b.encode(a.t)
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, rd)
	req.Header.Set("Content-Type", contentType)
	// Tests read English details; messages_test.go sends zh-CN.
	req.Header.Set("Accept-Language", "en")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return response{serveChecked(a.t, a.router, req), a.t}
}

// multipartBody is a file upload: fields are written first, then data as
// the file part named field.
type multipartBody struct {
	field, filename string
	data            []byte
	fields          map[string]string
}

func (b multipartBody) encode(t testing.TB) (io.Reader, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range b.fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	fw, err := mw.CreateFormFile(b.field, b.filename)
	if err == nil {
		_, err = fw.Write(b.data)
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return &buf, mw.FormDataContentType()
}

// want fails the test unless the status is code.
func (r response) want(code int) response {
	r.t.Helper()
	if r.Code != code {
		r.t.Fatalf("status %d, want %d; body %s", r.Code, code, r.Body.String())
	}
	return r
}

// json decodes the body into a fresh value of type T.
func decode[T any](r response) T {
	r.t.Helper()
	var v T
	if err := json.Unmarshal(r.Body.Bytes(), &v); err != nil {
		r.t.Fatalf("decode %T: %v; body %s", v, err, r.Body.String())
	}
	return v
}

// obj decodes the body as a JSON object.
func (r response) obj() map[string]any { r.t.Helper(); return decode[map[string]any](r) }

// id reads the "id" field of a JSON object body.
func (r response) id() int { r.t.Helper(); return int(r.obj()["id"].(float64)) }

// person is a registered user with a live access token.
type person struct {
	ID    int
	Phone string
	Token string
}

// newPerson registers and signs in a fresh user through the API.
func (a *api) newPerson(name string) person {
	a.t.Helper()
	phone := fmt.Sprintf("139%08d", a.phones.Add(1))
	a.registerWithCode(phone, "password-"+phone, name).want(201)
	tok := a.do("POST", "/v1/auth/login", "", map[string]string{
		"phone": phone, "password": "password-" + phone}).want(200).obj()["access_token"].(string)
	// Registration names no id (issue 15: it answers a taken phone alike).
	id := a.do("GET", "/v1/me", tok, nil).want(200).id()
	return person{ID: id, Phone: phone, Token: tok}
}

// codeFor requests a one-time code for phone through the API and returns
// the one the test sender received ("" when none was delivered).
func (a *api) codeFor(phone, purpose string) string {
	a.t.Helper()
	a.do("POST", "/v1/auth/codes", "", map[string]string{"phone": phone, "purpose": purpose}).want(202)
	code, _ := a.sms.Last(phone, purpose)
	return code
}

// registerWithCode registers phone with a freshly requested code and the
// current privacy notice, answering the registration's response.
func (a *api) registerWithCode(phone, password, name string) response {
	a.t.Helper()
	return a.do("POST", "/v1/auth/register", "", registration(phone, a.codeFor(phone, "register"), password, name))
}

// registration is a register body with the test configuration's privacy
// notice version.
func registration(phone, code, password, name string) map[string]string {
	return map[string]string{"phone": phone, "code": code, "password": password, "name": name,
		"privacy_notice_version": testNoticeVersion}
}

// testNoticeVersion is the default YISHI_PRIVACY_NOTICE_VERSION.
const testNoticeVersion = "2026-11"

// grantDirect gives p role at unit (nil unit = platform) without going
// through the API, for setting up fixtures.
func (a *api) grantDirect(p person, role string, unitID int) {
	a.t.Helper()
	ctx := viewer.SystemContext(context.Background())
	var u *ent.Unit
	if unitID > 0 {
		var err error
		if u, err = a.st.Client.Unit.Get(ctx, unitID); err != nil {
			a.t.Fatal(err)
		}
	}
	err := store.WithTx(ctx, a.st.Client, func(tx *ent.Tx) error {
		_, err := a.deps.Policy.WriteGrant(ctx, tx, authz.Grant{UserID: &p.ID, Role: role, Unit: u, Actor: "system"})
		return err
	})
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := a.deps.Policy.Sync(ctx); err != nil {
		a.t.Fatal(err)
	}
}
