package handlers

import (
	"context"
	"net/http"
	"sync/atomic"
)

// retryNote is how writeError tells RetryReads that the answer being
// written is a database.unavailable that a replay on a fresh connection
// may turn into a success.
type retryNote struct{ retryable atomic.Bool }

type retryNoteKey struct{}

// markRetryable flags the request's first attempt as worth replaying; it
// does nothing outside RetryReads or on the replay itself.
func markRetryable(ctx context.Context) {
	if n, ok := ctx.Value(retryNoteKey{}).(*retryNote); ok {
		n.retryable.Store(true)
	}
}

// RetryReads replays a GET or HEAD once when its first attempt answered
// 503 database.unavailable, which is what a pooled connection killed by
// PostgreSQL (pg_terminate_backend, failover, restart) produces. Reads
// are idempotent, so the replay is safe; by then the pool has dropped the
// dead connections (internal/store), so the replay runs on a live or fresh
// one. Writes are never replayed: they answer 503 and the client retries,
// with an Idempotency-Key if it needs exactly-once. Only the 503 is held
// back; every other answer streams through untouched.
func RetryReads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || r.ContentLength > 0 {
			next.ServeHTTP(w, r)
			return
		}
		note := &retryNote{}
		first := &holdUnavailable{ResponseWriter: w, note: note}
		next.ServeHTTP(first, r.WithContext(context.WithValue(r.Context(), retryNoteKey{}, note)))
		if !first.held {
			return
		}
		clear(w.Header())
		next.ServeHTTP(w, r)
	})
}

// holdUnavailable passes an answer through unless it is a 503 flagged
// retryable, which it swallows so the replay can answer instead.
type holdUnavailable struct {
	http.ResponseWriter
	note  *retryNote
	wrote bool
	held  bool
}

// WriteHeader decides, on the first status, whether to hold the answer.
func (h *holdUnavailable) WriteHeader(code int) {
	if !h.wrote {
		h.wrote = true
		h.held = code == http.StatusServiceUnavailable && h.note.retryable.Load()
	}
	if !h.held {
		h.ResponseWriter.WriteHeader(code)
	}
}

// Write drops the body of a held answer.
func (h *holdUnavailable) Write(b []byte) (int, error) {
	if !h.wrote {
		h.WriteHeader(http.StatusOK)
	}
	if h.held {
		return len(b), nil
	}
	return h.ResponseWriter.Write(b)
}

// Flush streams a passed-through answer (attachment downloads).
func (h *holdUnavailable) Flush() {
	if f, ok := h.ResponseWriter.(http.Flusher); ok && !h.held {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (h *holdUnavailable) Unwrap() http.ResponseWriter { return h.ResponseWriter }
