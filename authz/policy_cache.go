package authz

import "sync"

// defaultDecisionCacheSize bounds the decision cache; at a few hundred
// bytes an entry it stays in the low tens of megabytes.
const defaultDecisionCacheSize = 1 << 16

// decisionKey is one Enforce question.
type decisionKey struct {
	subject, obj, act, path string
}

// decisionCache memoises Enforce answers for one policy epoch (DESIGN.md
// §10: a casbin check costs ~36 µs). It holds two generations of at most
// half the bound each: a full current generation becomes the previous one,
// so hot entries survive and memory stays bounded without LRU bookkeeping.
// Answers computed under an older epoch are never stored, and a new epoch
// empties the cache, so a revoke can never be answered from it.
type decisionCache struct {
	mu        sync.RWMutex
	epoch     uint64
	half      int
	cur, prev map[decisionKey]bool
}

// newDecisionCache returns a cache bounded to size entries.
func newDecisionCache(size int) *decisionCache {
	half := max(size/2, 1)
	return &decisionCache{half: half, cur: map[decisionKey]bool{}}
}

// get returns the cached answer for k under epoch. Hits in the current
// generation share a read lock; only promotion from the previous one
// writes.
func (c *decisionCache) get(epoch uint64, k decisionKey) (allowed, ok bool) {
	c.mu.RLock()
	if epoch != c.epoch {
		c.mu.RUnlock()
		return false, false
	}
	allowed, ok = c.cur[k]
	c.mu.RUnlock()
	if ok {
		return allowed, true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if allowed, ok = c.prev[k]; ok && epoch == c.epoch {
		c.putLocked(k, allowed)
		return allowed, true
	}
	return false, false
}

// put stores an answer computed under epoch, unless the policy has moved
// on since.
func (c *decisionCache) put(epoch uint64, k decisionKey, allowed bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch == c.epoch {
		c.putLocked(k, allowed)
	}
}

func (c *decisionCache) putLocked(k decisionKey, allowed bool) {
	if len(c.cur) >= c.half {
		c.prev, c.cur = c.cur, map[decisionKey]bool{}
	}
	c.cur[k] = allowed
}

// reset empties the cache and moves it to epoch; every policy change
// calls it.
func (c *decisionCache) reset(epoch uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch = epoch
	c.cur, c.prev = map[decisionKey]bool{}, nil
}
