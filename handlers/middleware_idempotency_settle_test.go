package handlers

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"yishi/internal/config"
	"yishi/internal/testdb"
	"yishi/internal/viewer"
)

// settleRig runs the idempotency middleware over handlers that misbehave
// on purpose, counting how often each one really ran.
type settleRig struct {
	t      *testing.T
	router *gin.Engine
	runs   map[string]int
	rows   func() int
}

func newSettleRig(t *testing.T) *settleRig {
	st := testdb.Open(t)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	s := &server{Deps: Deps{Store: st, Logger: logger, Config: config.Config{MaxBodyBytes: 64}}}
	rig := &settleRig{t: t, router: gin.New(), runs: map[string]int{}}
	rig.rows = func() int {
		return st.Client.IdempotencyKey.Query().CountX(viewer.SystemContext(context.Background()))
	}
	asUser := func(c *gin.Context) {
		c.Request = c.Request.WithContext(viewer.NewContext(c.Request.Context(), &viewer.Viewer{Subject: "u:1"}))
	}
	rig.router.Use(withRecovery(logger), asUser, s.idempotent())
	handle := func(name string, h gin.HandlerFunc) {
		rig.router.POST("/"+name, func(c *gin.Context) { rig.runs[name]++; h(c) })
	}
	handle("fail", func(c *gin.Context) { c.JSON(http.StatusServiceUnavailable, gin.H{}) })
	handle("panic", func(*gin.Context) { panic("boom") })
	handle("busy", func(c *gin.Context) { c.JSON(http.StatusTooManyRequests, gin.H{}) })
	handle("secret", func(c *gin.Context) { c.Header("Cache-Control", "no-store"); c.JSON(201, gin.H{"secret": "s"}) })
	handle("big", func(c *gin.Context) { c.Data(200, "text/plain", bytes.Repeat([]byte("x"), maxStoredResponse+1)) })
	handle("echo", func(c *gin.Context) { b, _ := io.ReadAll(c.Request.Body); c.Data(201, "text/plain", b) })
	return rig
}

func (r *settleRig) post(name, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/"+name, strings.NewReader(body))
	req.Header.Set("Idempotency-Key", "k-"+name)
	w := httptest.NewRecorder()
	r.router.ServeHTTP(w, req)
	return w
}

func TestIdempotencyUnstorableAnswersAreReleased(t *testing.T) {
	rig := newSettleRig(t)
	for _, name := range []string{"fail", "panic", "busy", "secret", "big"} {
		first, again := rig.post(name, "{}"), rig.post(name, "{}")
		if rig.runs[name] != 2 || again.Header().Get(replayedHeader) != "" || first.Code != again.Code {
			t.Fatalf("%s: ran %d times, statuses %d/%d; want a fresh second run", name, rig.runs[name], first.Code, again.Code)
		}
	}
	if n := rig.rows(); n != 0 {
		t.Fatalf("%d key rows left, want 0", n)
	}
}

func TestIdempotencyLargeBodySpoolsAndReplays(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	rig := newSettleRig(t)
	body := strings.Repeat("0123456789", 100) // beyond the 64-byte memory part
	first, again := rig.post("echo", body), rig.post("echo", body)
	if first.Body.String() != body || again.Body.String() != body || again.Header().Get(replayedHeader) != "true" {
		t.Fatalf("echo %d bytes, replay %d bytes (%q)", first.Body.Len(), again.Body.Len(), again.Header().Get(replayedHeader))
	}
	if rig.runs["echo"] != 1 {
		t.Fatalf("handler ran %d times", rig.runs["echo"])
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
