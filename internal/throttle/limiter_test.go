package throttle

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a test clock advanced by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newClock() *fakeClock { return &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)} }

func TestAllowBlocksAfterLimitUntilWindowEnds(t *testing.T) {
	c := newClock()
	l := New(3, time.Minute, 100, c.now)
	for i := range 3 {
		if ok, _ := l.Allow("phone:1"); !ok {
			t.Fatalf("attempt %d refused", i+1)
		}
		c.advance(10 * time.Second)
	}
	ok, retry := l.Allow("phone:1")
	if ok || retry != 30*time.Second {
		t.Fatalf("4th attempt = %v, %v; want refused, 30s", ok, retry)
	}
	c.advance(29 * time.Second)
	if ok, retry := l.Allow("phone:1"); ok || retry != time.Second {
		t.Fatalf("still blocked = %v, %v; want refused, 1s", ok, retry)
	}
	c.advance(time.Second)
	if ok, _ := l.Allow("phone:1"); !ok {
		t.Fatal("new window must allow")
	}
}

func TestAllowKeysAreIndependent(t *testing.T) {
	c := newClock()
	l := New(1, time.Minute, 100, c.now)
	l.Allow("phone:1")
	if ok, _ := l.Allow("phone:1"); ok {
		t.Fatal("phone:1 should be blocked")
	}
	if ok, _ := l.Allow("ip:10.0.0.1"); !ok {
		t.Fatal("another key must not be affected")
	}
}

func TestResetClearsKey(t *testing.T) {
	c := newClock()
	l := New(1, time.Minute, 100, c.now)
	l.Allow("phone:1")
	l.Reset("phone:1")
	l.Reset("phone:unknown")
	if ok, _ := l.Allow("phone:1"); !ok {
		t.Fatal("Reset must clear the count")
	}
}

func TestEvictsLeastRecentlyAttempted(t *testing.T) {
	c := newClock()
	l := New(1, time.Minute, 2, c.now)
	l.Allow("a")
	l.Allow("b")
	l.Allow("a") // refused, but marks a as recent
	l.Allow("c") // evicts b
	if l.Len() != 2 {
		t.Fatalf("Len = %d, want 2", l.Len())
	}
	if ok, _ := l.Allow("a"); ok {
		t.Fatal("a must still be tracked and blocked")
	}
	if ok, _ := l.Allow("b"); !ok {
		t.Fatal("b was evicted and starts afresh")
	}
}

func TestAllowConcurrentCountsExactly(t *testing.T) {
	l := New(50, time.Hour, 10, time.Now)
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			if ok, _ := l.Allow("k"); ok {
				allowed.Add(1)
			}
			l.Allow(fmt.Sprint("other", i%5))
		})
	}
	wg.Wait()
	if allowed.Load() != 50 {
		t.Fatalf("allowed %d, want 50", allowed.Load())
	}
}
