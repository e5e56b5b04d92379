package handlers

import (
	"context"
	"net/http"
	"time"
)

// WithRequestTimeout bounds every request's context, so a database that
// stops answering costs a request at most d (then 503
// database.unavailable), not a hung client and a pinned connection.
// Queries, pool waits and connection attempts all run under this context.
func WithRequestTimeout(next http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
