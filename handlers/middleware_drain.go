package handlers

import (
	"encoding/json"
	"net/http"
	"sync/atomic"
)

// Drain turns new requests into 503 once a shutdown has begun, while the
// requests already running finish. http.Server.Shutdown stops accepting
// connections, but a request can still arrive on a connection that was
// being read when the shutdown began; it gets a clean problem answer and
// "Connection: close" instead of a reset, and a load balancer retries it
// on another instance. /readyz therefore reports not ready during the
// drain; /healthz still answers, since the process is alive.
type Drain struct{ draining atomic.Bool }

// Start begins the drain; it cannot be undone.
func (d *Drain) Start() { d.draining.Store(true) }

// Draining reports whether Start was called.
func (d *Drain) Draining() bool { return d.draining.Load() }

// Wrap answers 503 server.draining to every request after Start, except
// liveness.
func (d *Drain) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !d.Draining() || r.URL.Path == "/healthz" {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Connection", "close")
		w.Header().Set("Retry-After", "1")
		p := problem{Type: "about:blank", Title: http.StatusText(http.StatusServiceUnavailable),
			Status: http.StatusServiceUnavailable, Code: "server.draining",
			Detail: "the server is shutting down; retry on another instance", Instance: r.URL.Path}
		body, _ := json.Marshal(p) // a problem always marshals
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(p.Status)
		_, _ = w.Write(body)
	})
}
