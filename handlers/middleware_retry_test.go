package handlers

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// flaky answers a retryable 503 on its first n calls, then 200.
func flaky(n int, calls *int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*calls++
		if *calls <= n {
			markRetryable(r.Context())
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(`{"code":"database.unavailable"}`))
			return
		}
		w.Header().Set("X-Attempt", "last")
		_, _ = w.Write([]byte("ok"))
	})
}

func TestRetryReadsReplaysAGetOnce(t *testing.T) {
	for _, tc := range []struct {
		name, method string
		failures     int
		wantCode     int
		wantCalls    int
	}{
		{"get recovers", "GET", 1, 200, 2},
		{"head recovers", "HEAD", 1, 200, 2},
		{"get fails twice: 503", "GET", 2, 503, 2},
		{"post is never replayed", "POST", 1, 503, 1},
		{"healthy get runs once", "GET", 0, 200, 1},
	} {
		calls := 0
		w := httptest.NewRecorder()
		RetryReads(flaky(tc.failures, &calls)).ServeHTTP(w, httptest.NewRequest(tc.method, "/v1/x", nil))
		if w.Code != tc.wantCode || calls != tc.wantCalls {
			t.Errorf("%s: status %d after %d calls, want %d after %d", tc.name, w.Code, calls, tc.wantCode, tc.wantCalls)
		}
		if w.Code == 200 && w.Header().Get("Retry-After") != "" {
			t.Errorf("%s: the held attempt's headers leaked into the answer", tc.name)
		}
		if w.Code == 503 && w.Header().Get("Retry-After") == "" {
			t.Errorf("%s: 503 without Retry-After", tc.name)
		}
	}
}

func TestDrainAnswers503ButLiveness(t *testing.T) {
	var d Drain
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(200) })
	h := d.Wrap(ok)
	for path, want := range map[string]int{"/v1/me": 200, "/readyz": 200} {
		w := httptest.NewRecorder()
		if h.ServeHTTP(w, httptest.NewRequest("GET", path, nil)); w.Code != want {
			t.Fatalf("before drain %s: %d", path, w.Code)
		}
	}
	d.Start()
	for path, want := range map[string]int{"/v1/me": 503, "/readyz": 503, "/healthz": 200} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != want {
			t.Fatalf("draining %s: %d, want %d", path, w.Code, want)
		}
		if want == 503 && (w.Header().Get("Retry-After") == "" || w.Header().Get("Content-Type") != "application/problem+json") {
			t.Fatalf("draining %s: headers %v", path, w.Header())
		}
	}
}
