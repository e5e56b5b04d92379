package handlers

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

func TestRecoveryAnswers500ProblemWithoutDetails(t *testing.T) {
	r := gin.New()
	r.Use(withRequestID(), withRecovery(slog.New(slog.NewTextHandler(io.Discard, nil))))
	r.GET("/boom", func(*gin.Context) { panic("secret database text") })
	w := httptest.NewRecorder()
	r.ServeHTTP(w, httptest.NewRequest("GET", "/boom", nil))
	var p problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || w.Code != 500 || p.Code != "internal" {
		t.Fatalf("status %d body %s", w.Code, w.Body.String())
	}
	if w.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("content type %q", w.Header().Get("Content-Type"))
	}
	if strings.Contains(w.Body.String(), "secret") {
		t.Fatal("panic text leaked")
	}
}

func TestCORSAllowsOnlyConfiguredOrigins(t *testing.T) {
	r := gin.New()
	r.Use(withCORS([]string{"https://app.example"}))
	r.GET("/x", func(c *gin.Context) { c.Status(200) })
	for origin, want := range map[string]string{"https://app.example": "https://app.example", "https://evil.example": ""} {
		req := httptest.NewRequest("OPTIONS", "/x", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		w := httptest.NewRecorder()
		r.ServeHTTP(w, req)
		if got := w.Header().Get("Access-Control-Allow-Origin"); got != want {
			t.Fatalf("origin %s: allow-origin %q, want %q", origin, got, want)
		}
	}
}
