package handlers

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/internal/idempotency"
)

// maxStoredResponse caps what is kept for replay; API answers are far
// smaller, and a larger one is released rather than stored.
const maxStoredResponse = 1 << 20

// runClaimed runs the handler with a capturing writer and settles the
// claim. A final answer (2xx–4xx) is stored for replay. A server error, a
// panic or a 429 is released so the client can retry with the same key;
// so is an oversized answer, and one marked no-store, because that is how
// handlers flag credentials (client secrets), which must not sit in the
// table for a day.
func (s *server) runClaimed(c *gin.Context, keys *idempotency.Keys, claim idempotency.Claim) {
	ctx := context.WithoutCancel(c.Request.Context())
	w := &capturingWriter{ResponseWriter: c.Writer, max: maxStoredResponse}
	c.Writer = w
	settled := false
	defer func() {
		c.Writer = w.ResponseWriter
		if !settled {
			s.releaseClaim(ctx, keys, claim)
		}
	}()
	c.Next()
	settled = true
	if !storable(w) {
		s.releaseClaim(ctx, keys, claim)
		return
	}
	resp := idempotency.Response{Status: w.Status(), ContentType: w.Header().Get("Content-Type"), Body: w.body.Bytes(),
		Headers: map[string]string{}, Checks: accessChecksOf(c)}
	for _, h := range idempotency.ReplayedHeaders() {
		if v := w.Header().Get(h); v != "" {
			resp.Headers[h] = v
		}
	}
	if err := keys.Complete(ctx, claim, resp); err != nil {
		s.Logger.ErrorContext(ctx, "idempotency: store answer", "err", err, "request_id", requestID(c))
		s.releaseClaim(ctx, keys, claim)
	}
}

// storable reports whether the captured answer is final and may be kept.
func storable(w *capturingWriter) bool {
	status := w.Status()
	return status < http.StatusInternalServerError && status != http.StatusTooManyRequests &&
		!w.overflow && !strings.Contains(w.Header().Get("Cache-Control"), "no-store")
}

func (s *server) releaseClaim(ctx context.Context, keys *idempotency.Keys, claim idempotency.Claim) {
	if err := keys.Release(ctx, claim); err != nil {
		s.Logger.ErrorContext(ctx, "idempotency: release key", "err", err)
	}
}
