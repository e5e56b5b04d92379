package handlers

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/publicrecord"
	"yishi/internal/throttle"
)

// Public record limits: answers are cached this long (and clients may
// cache them as long), each client address may make publicRate requests
// a minute, and the cache holds at most publicCacheMax answers.
const (
	publicTTL      = 30 * time.Second
	publicRate     = 120
	publicCacheMax = 2000
)

// publicCache holds public record answers by URL, per instance.
type publicCache struct {
	mu      sync.Mutex
	entries map[string]publicEntry
	limiter *throttle.Limiter
	now     func() time.Time
}

// publicEntry is one cached answer.
type publicEntry struct {
	code    string
	body    []byte
	expires time.Time
}

func newPublicCache(now func() time.Time) *publicCache {
	return &publicCache{entries: map[string]publicEntry{}, limiter: throttle.New(publicRate, time.Minute, 100_000, now), now: now}
}

// get returns a live cached answer for key.
func (p *publicCache) get(key string) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.entries[key]
	if !ok || !p.now().Before(e.expires) {
		return nil, false
	}
	return e.body, true
}

// put caches body for key; a full cache is emptied first (answers are
// cheap to rebuild, and a flood of distinct URLs cannot grow memory).
func (p *publicCache) put(key, code string, body []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.entries) >= publicCacheMax {
		clear(p.entries)
	}
	p.entries[key] = publicEntry{code: code, body: body, expires: p.now().Add(publicTTL)}
}

// forget drops every cached answer of the tenant with code, when its
// record is published or withdrawn.
func (p *publicCache) forget(code string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for k, e := range p.entries {
		if e.code == code {
			delete(p.entries, k)
		}
	}
}

// servePublic answers a public record read: per-address limit, then the
// cache, then the published tenant named by :code and build.
func (s *server) servePublic(c *gin.Context, build func(tenant *ent.Unit) (any, error)) error {
	if ok, wait := s.public.limiter.Allow(c.ClientIP()); !ok {
		return &apperr.Error{Kind: apperr.KindTooMany, Code: "public.rate_limited",
			Detail: "too many public record requests from this address", RetryAfter: int(math.Ceil(wait.Seconds()))}
	}
	code := c.Param("code")
	key := c.Request.URL.RequestURI()
	if body, ok := s.public.get(key); ok {
		writePublic(c, body)
		return nil
	}
	tenant, err := publicrecord.Tenant(c.Request.Context(), s.Store.Client, code)
	if err != nil {
		return err
	}
	out, err := build(tenant)
	if err != nil {
		return err
	}
	body, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("public record: encode: %w", err)
	}
	s.public.put(key, strings.Clone(code), body)
	writePublic(c, body)
	return nil
}

// writePublic answers a cached or fresh public body.
func writePublic(c *gin.Context, body []byte) {
	c.Header("Cache-Control", fmt.Sprintf("public, max-age=%d", int(publicTTL.Seconds())))
	c.Data(http.StatusOK, "application/json; charset=utf-8", body)
}
