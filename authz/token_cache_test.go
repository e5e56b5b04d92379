package authz

import (
	"crypto/sha256"
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestCacheIsBounded(t *testing.T) {
	c := newVerifiedCache(4)
	now := time.Now()
	for i := range 100 {
		c.put(sha256.Sum256(fmt.Append(nil, i)), &AccessClaims{ExpiresAt: now.Add(time.Hour)}, now)
		if c.len() > 4 {
			t.Fatalf("cache holds %d entries, cap 4", c.len())
		}
	}
	if _, ok := c.get(sha256.Sum256(fmt.Append(nil, 99)), now); !ok {
		t.Fatal("newest entry evicted")
	}
	if _, ok := c.get(sha256.Sum256(fmt.Append(nil, 0)), now); ok {
		t.Fatal("oldest entry kept")
	}
}

func TestCacheSkipsExpired(t *testing.T) {
	c := newVerifiedCache(4)
	now := time.Now()
	key := sha256.Sum256([]byte("t"))
	c.put(key, &AccessClaims{ExpiresAt: now}, now)
	if c.len() != 0 {
		t.Fatal("expired claims cached")
	}
	c.put(key, &AccessClaims{ExpiresAt: now.Add(time.Second)}, now)
	if _, ok := c.get(key, now.Add(time.Second)); ok || c.len() != 0 {
		t.Fatal("hit at expiry must miss and drop the entry")
	}
	var none *verifiedCache
	none.put(key, &AccessClaims{ExpiresAt: now.Add(time.Hour)}, now)
	if _, ok := none.get(key, now); ok {
		t.Fatal("nil cache returned a hit")
	}
}

func TestCachedClaimsAreCopies(t *testing.T) {
	c := newTestClock()
	tk := NewTokens(newTestKeySet(t, newTestKey(t)), testIssuer, testAudience, testTTL, c.now)
	raw := issueTest(t, tk, AccessClaimsInput{Subject: "c:1", Scopes: []string{"read"}})
	first, _ := tk.VerifyAccess(raw)
	first.Scopes[0] = "admin"
	first.ClientID = 99
	second, err := tk.VerifyAccess(raw)
	if err != nil || second.Scopes[0] != "read" || second.ClientID != 1 {
		t.Fatalf("cache entry was mutated: %+v, %v", second, err)
	}
}

func TestVerifyConcurrent(t *testing.T) {
	tk := NewTokens(newTestKeySet(t, newTestKey(t)), testIssuer, testAudience, testTTL, nil)
	raws := make([]string, 4)
	for i := range raws {
		raws[i] = issueTest(t, tk, AccessClaimsInput{Subject: fmt.Sprintf("u:%d", i+1)})
	}
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			c, err := tk.VerifyAccess(raws[i%4])
			if err != nil || c.UserID != i%4+1 {
				t.Errorf("verify %d: %+v, %v", i, c, err)
			}
		})
	}
	wg.Wait()
}
