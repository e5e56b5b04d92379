package handlers_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"yishi/handlers"
	"yishi/internal/password"
)

// TestLoginBurstMemoryBounded: sixteen concurrent logins for unknown
// phones with production argon2 parameters (64 MiB each) raise memory by
// less than 300 MB, because hashing runs under a gate of about the number
// of cores within a 256 MiB budget; whoever finds it full gets 503 with
// Retry-After.
func TestLoginBurstMemoryBounded(t *testing.T) {
	a := newAPI(t)
	p := password.DefaultParams()
	// The production default: as many slots as cores, within 256 MiB.
	a.deps.Passwords = password.NewHasher(p).WithGate(password.NewGate(password.GateSize(p, 256<<20), 2*time.Second))
	a.deps.Registry = prometheus.NewRegistry()
	r, err := handlers.NewRouter(a.deps)
	if err != nil {
		t.Fatal(err)
	}
	a.router = r

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
		}
	}()
	var wg sync.WaitGroup
	var busy, refused atomic.Int64
	for i := range 16 {
		wg.Go(func() {
			res := a.doFrom(fmt.Sprintf("198.51.100.%d", i+1), "POST", "/v1/auth/login",
				map[string]string{"phone": fmt.Sprintf("136%08d", i), "password": "nobody-has-this"})
			switch res.Code {
			case 401:
				refused.Add(1)
			case 503:
				if res.Header().Get("Retry-After") == "" || res.obj()["code"] != "server.busy" {
					t.Errorf("503 without Retry-After or code: %s", res.Body.String())
				}
				busy.Add(1)
			default:
				t.Errorf("status %d: %s", res.Code, res.Body.String())
			}
		})
	}
	wg.Wait()
	close(stop)
	<-sampled
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	const bound = 300 << 20
	heap := int64(peak.Load()) - int64(before.HeapInuse)
	sys := int64(after.Sys) - int64(before.Sys)
	t.Logf("16 logins: %d answered 401, %d answered 503; peak heap +%d MiB, sys +%d MiB",
		refused.Load(), busy.Load(), heap>>20, sys>>20)
	if heap > bound || sys > bound {
		t.Fatalf("memory rose by heap %d MiB / sys %d MiB, bound 300 MB", heap>>20, sys>>20)
	}
}
