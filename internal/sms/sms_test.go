package sms

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// TestWebhookRetriesThenCountsFailure: a gateway that always fails gets
// every attempt, signed, and the failure is counted once.
func TestWebhookRetriesThenCountsFailure(t *testing.T) {
	var attempts, badSigs atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !Verify([]byte("s3cret"), r.Header.Get(HeaderTimestamp), body, r.Header.Get(HeaderSignature)) {
			badSigs.Add(1)
		}
		attempts.Add(1)
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	hook := NewWebhook(srv.URL, []byte("s3cret"))
	hook.Backoff = time.Millisecond
	reg := prometheus.NewRegistry()
	a := NewAsync(hook, 2, 5*time.Second, slog.New(slog.NewTextHandler(io.Discard, nil)), reg)
	if err := a.Send(context.Background(), Message{Phone: "13800000000", Code: "123456", Purpose: "register"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for counter(reg, "yishi_sms_failed_total") < 1 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := counter(reg, "yishi_sms_failed_total"); got != 1 || attempts.Load() != 4 || badSigs.Load() != 0 {
		t.Fatalf("failed=%v attempts=%d bad signatures=%d", got, attempts.Load(), badSigs.Load())
	}
}

// TestVerifyRefusesTamperedBody: the signature covers timestamp and body.
func TestVerifyRefusesTamperedBody(t *testing.T) {
	sig := Sign([]byte("k"), 1700000000, []byte(`{"code":"123456"}`))
	if !Verify([]byte("k"), "1700000000", []byte(`{"code":"123456"}`), sig) ||
		Verify([]byte("k"), "1700000000", []byte(`{"code":"654321"}`), sig) ||
		Verify([]byte("k"), "1700000001", []byte(`{"code":"123456"}`), sig) {
		t.Fatal("signature check is wrong")
	}
}

// counter reads a counter from reg (0 before its first increment is
// gathered).
func counter(reg *prometheus.Registry, name string) float64 {
	mfs, _ := reg.Gather()
	for _, mf := range mfs {
		if mf.GetName() == name && len(mf.GetMetric()) > 0 {
			return mf.GetMetric()[0].GetCounter().GetValue()
		}
	}
	return 0
}
