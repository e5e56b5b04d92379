package handlers_test

import (
	"net/http/httptest"
	"testing"
)

// BenchmarkGetUnit measures one authenticated point read through the real
// router: token check, viewer, privacy-filtered read, casbin, JSON.
func BenchmarkGetUnit(b *testing.B) {
	w := newWorld(b)
	path := unitPath(w.A1g1, "")
	tok := w.leadA1.Token
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("GET", path, nil)
			req.Header.Set("Authorization", "Bearer "+tok)
			rec := httptest.NewRecorder()
			w.router.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}
