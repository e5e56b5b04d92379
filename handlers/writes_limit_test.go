package handlers_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"yishi/handlers"
	"yishi/internal/throttle"
)

// TestWriteRatePerUser429: past YISHI_WRITE_RATE writes in a minute a
// caller gets 429 with Retry-After; reads and other callers go on.
func TestWriteRatePerUser429(t *testing.T) {
	w := newWorld(t)
	w.deps.Writes = throttle.New(3, time.Minute, 100, time.Now)
	w.deps.Registry = prometheus.NewRegistry()
	r, err := handlers.NewRouter(w.deps)
	if err != nil {
		t.Fatal(err)
	}
	w.router = r
	path := unitPath(w.A1g1, "/venues")
	for i := range 3 {
		w.do("POST", path, w.guideA1g1.Token, map[string]any{"name": fmt.Sprint("亭", i), "kind": "pavilion"}).want(201)
	}
	res := w.do("POST", path, w.guideA1g1.Token, map[string]any{"name": "亭9", "kind": "pavilion"}).want(429)
	retryAfter(t, res)
	if res.obj()["code"] != "write.rate_limited" {
		t.Fatalf("problem %s", res.Body.String())
	}
	w.do("GET", path, w.guideA1g1.Token, nil).want(200)
	w.do("POST", unitPath(w.A1, "/venues"), w.leadA1.Token, map[string]any{"name": "新亭", "kind": "pavilion"}).want(201)
}

// TestWriteRateNeverRefusesBallot: a voter over the write rate still
// casts a ballot.
func TestWriteRateNeverRefusesBallot(t *testing.T) {
	w := newWorld(t)
	id, opts, voter := w.openMembersVote(nil)
	w.deps.Writes = throttle.New(1, time.Minute, 100, time.Now)
	w.deps.Registry = prometheus.NewRegistry()
	r, err := handlers.NewRouter(w.deps)
	if err != nil {
		t.Fatal(err)
	}
	w.router = r
	venue := map[string]any{"name": "亭", "kind": "pavilion"}
	if c := w.do("POST", unitPath(w.A1g1, "/venues"), voter.Token, venue).Code; c == 429 {
		t.Fatal("first write refused")
	}
	w.do("POST", unitPath(w.A1g1, "/venues"), voter.Token, venue).want(429)
	if res := w.cast(voter, id, opts[0]); res.Code/100 != 2 {
		t.Fatalf("ballot over the write rate: %d %s", res.Code, res.Body.String())
	}
}
