// Package throttle slows abuse without locking people out: Guard counts
// failed sign-ins (per address, per phone, per phone from one address)
// with a rising delay, in a Store shared by every instance on PostgreSQL;
// Limiter caps attempts per key in a fixed window (the per-caller write
// rate).
package throttle

import (
	"container/list"
	"sync"
	"time"
)

// Limiter allows at most limit attempts per key in a fixed window that
// starts at the key's first attempt; once the window ends the count starts
// again. It tracks at most maxKeys keys and forgets the least recently
// attempted one when full, so memory stays bounded under a key-spraying
// attack. State is per process: with N instances an attacker gets at most
// N×limit attempts per window, which is acceptable for the write rate;
// login throttling, which must be exact, uses Guard.
type Limiter struct {
	mu      sync.Mutex
	limit   int
	window  time.Duration
	maxKeys int
	now     func() time.Time
	order   *list.List // front = least recently attempted
	entries map[string]*list.Element
}

// entry is the state of one key.
type entry struct {
	key   string
	start time.Time
	count int
}

// New returns a Limiter. now is injected so tests control the clock; pass
// time.Now in production. maxKeys below 1 is treated as 1.
func New(limit int, window time.Duration, maxKeys int, now func() time.Time) *Limiter {
	return &Limiter{
		limit:   limit,
		window:  window,
		maxKeys: max(maxKeys, 1),
		now:     now,
		order:   list.New(),
		entries: make(map[string]*list.Element),
	}
}

// Allow counts one attempt for key. When the key is over its limit it
// returns false and how long until its window ends (for Retry-After).
// Refused attempts do not extend the window.
func (l *Limiter) Allow(key string) (ok bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	e := l.touch(key, now)
	if end := e.start.Add(l.window); !now.Before(end) {
		e.start, e.count = now, 0
	}
	if e.count >= l.limit {
		return false, e.start.Add(l.window).Sub(now)
	}
	e.count++
	return true, 0
}

// Reset forgets key, e.g. after a successful login so a user who once
// mistyped is not left close to the limit.
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if el, found := l.entries[key]; found {
		l.order.Remove(el)
		delete(l.entries, key)
	}
}

// Len reports how many keys are tracked, for metrics and tests.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
}

// touch returns key's entry, marking it most recently used and evicting
// the least recently used key when a new one does not fit.
func (l *Limiter) touch(key string, now time.Time) *entry {
	if el, found := l.entries[key]; found {
		l.order.MoveToBack(el)
		return el.Value.(*entry)
	}
	if len(l.entries) >= l.maxKeys {
		oldest := l.order.Front()
		l.order.Remove(oldest)
		delete(l.entries, oldest.Value.(*entry).key)
	}
	e := &entry{key: key, start: now}
	l.entries[key] = l.order.PushBack(e)
	return e
}
