package handlers

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestRetryReadsThroughGin: the real error path (errorsTo → writeError)
// behind gin: a GET whose first attempt meets a killed connection (57P01)
// answers 200 from its replay, with one request id and no leftover
// Retry-After; a POST is not replayed and answers 503 problem+json.
func TestRetryReadsThroughGin(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	s := &server{Deps: Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}}
	calls := 0
	h := s.errorsTo(func(c *gin.Context) error {
		calls++
		if calls%2 == 1 {
			return fmt.Errorf("load unit: %w", &pgconn.PgError{Severity: "FATAL", Code: "57P01"})
		}
		c.JSON(200, gin.H{"ok": true})
		return nil
	})
	r := gin.New()
	r.Use(withRequestID())
	r.GET("/x", h)
	r.POST("/x", h)

	w := httptest.NewRecorder()
	RetryReads(r).ServeHTTP(w, httptest.NewRequest("GET", "/x", nil))
	if w.Code != 200 || calls != 2 || w.Header().Get("Retry-After") != "" || len(w.Header().Values("X-Request-ID")) != 1 {
		t.Fatalf("GET: %d after %d calls, headers %v", w.Code, calls, w.Header())
	}

	calls = 0
	w = httptest.NewRecorder()
	RetryReads(r).ServeHTTP(w, httptest.NewRequest("POST", "/x", nil))
	if w.Code != 503 || calls != 1 || w.Header().Get("Retry-After") != "2" ||
		w.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("POST: %d after %d calls, headers %v, body %s", w.Code, calls, w.Header(), w.Body.String())
	}
}
