package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"yishi/internal/sms"
)

// smsInboxSecret signs the test gateway's deliveries.
const smsInboxSecret = "test-sms-secret"

// smsInbox is a local SMS gateway: each yishi serve of the tests sends its
// one-time codes here (YISHI_SMS_SENDER=webhook), and the fixtures read
// them to register through the verifying API, as a person with a phone
// would.
type smsInbox struct {
	srv   *httptest.Server
	mu    sync.Mutex
	codes map[string]string // phone → newest code
}

func newSMSInbox(t testing.TB) *smsInbox {
	in := &smsInbox{codes: map[string]string{}}
	in.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !sms.Verify([]byte(smsInboxSecret), r.Header.Get(sms.HeaderTimestamp), body, r.Header.Get(sms.HeaderSignature)) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var m sms.Message
		if err := json.Unmarshal(body, &m); err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		in.mu.Lock()
		in.codes[m.Phone] = m.Code
		in.mu.Unlock()
	}))
	t.Cleanup(in.srv.Close)
	return in
}

// env is the sender configuration pointing yishi serve at the inbox.
func (in *smsInbox) env() []string {
	return []string{"YISHI_SMS_SENDER=webhook", "YISHI_SMS_WEBHOOK_URL=" + in.srv.URL,
		"YISHI_SMS_WEBHOOK_SECRET=" + smsInboxSecret}
}

// code waits for the code sent to phone (delivery is asynchronous) and
// takes it out of the inbox.
func (in *smsInbox) code(t testing.TB, phone string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		in.mu.Lock()
		c, ok := in.codes[phone]
		delete(in.codes, phone)
		in.mu.Unlock()
		if ok {
			return c
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no code reached the SMS inbox for %s", phone)
	return ""
}
