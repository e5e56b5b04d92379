package authz

import (
	"sync"
	"time"
)

// verifiedCache remembers verified tokens by the SHA-256 of the raw token.
// It keeps two generations of at most size/2 entries each: when the
// current one fills up it becomes the previous one and the old previous
// one is dropped. That bounds memory, evicts roughly oldest-first, and
// costs O(1) per operation with no background sweeper. A nil cache is
// valid and caches nothing.
type verifiedCache struct {
	mu   sync.Mutex
	half int
	cur  map[[32]byte]*AccessClaims
	prev map[[32]byte]*AccessClaims
}

// newVerifiedCache returns a cache of at most size entries, or nil.
func newVerifiedCache(size int) *verifiedCache {
	if size <= 0 {
		return nil
	}
	half := max(size/2, 1)
	return &verifiedCache{half: half, cur: make(map[[32]byte]*AccessClaims, half)}
}

// get returns a copy of the claims for key if present and not expired at
// now; an expired entry is dropped.
func (c *verifiedCache) get(key [32]byte, now time.Time) (*AccessClaims, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.cur[key]
	if !ok {
		if e, ok = c.prev[key]; !ok {
			return nil, false
		}
		delete(c.prev, key)
		c.insert(key, e)
	}
	if !now.Before(e.ExpiresAt) {
		delete(c.cur, key)
		return nil, false
	}
	return e.clone(), true
}

// put stores a copy of claims unless they are already expired.
func (c *verifiedCache) put(key [32]byte, claims *AccessClaims, now time.Time) {
	if c == nil || !now.Before(claims.ExpiresAt) {
		return
	}
	e := claims.clone()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.insert(key, e)
}

// insert adds an entry, rolling generations when the current one is full.
func (c *verifiedCache) insert(key [32]byte, e *AccessClaims) {
	if len(c.cur) >= c.half {
		c.prev, c.cur = c.cur, make(map[[32]byte]*AccessClaims, c.half)
	}
	c.cur[key] = e
}

// len reports the number of cached entries, for tests.
func (c *verifiedCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.cur) + len(c.prev)
}
