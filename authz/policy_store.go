package authz

import (
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"

	"yishi/ent"
)

// Policy is one instance's view of who holds which role where: casbin
// SyncedEnforcers over the DESIGN model (not CachedEnforcer, which keeps
// allowing after a revoke), a subject index for viewer scopes, and a
// decision cache keyed by policy epoch. It is loaded once and then kept in
// step incrementally by Sync and Watch. Safe for concurrent use.
type Policy struct {
	client  *ent.Client
	db      *sql.DB
	dialect string
	logger  *slog.Logger
	cfg     policyConfig
	adapter *Adapter
	cache   *decisionCache   // nil when disabled
	now     func() time.Time // stamps revocations; tests replace it

	enforcers atomic.Pointer[enforcerSet]
	index     atomic.Pointer[subjectIndex]
	suspended atomic.Pointer[[]string] // suspended tenant root paths (issue 12)
	version   atomic.Int64             // policy version applied locally
	epoch     atomic.Uint64            // advances on every local change; keys the cache
	syncMu    sync.Mutex               // serialises Load and Sync
}

// NewPolicy builds a policy store that denies everything until Load. db is
// the same database as client (used for the cheap version poll); dialect
// is entgo's dialect name, which decides whether NOTIFY is used.
func NewPolicy(client *ent.Client, db *sql.DB, dialect string, logger *slog.Logger, opts ...PolicyOption) (*Policy, error) {
	if client == nil || db == nil {
		return nil, errors.New("new policy: client and db are required")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg := policyConfig{pollInterval: defaultPollInterval, cacheSize: defaultDecisionCacheSize,
		now: func() time.Time { return time.Now().UTC() }}
	for _, o := range opts {
		o(&cfg)
	}
	p := &Policy{client: client, db: db, dialect: dialect, logger: logger, cfg: cfg,
		adapter: NewAdapter(client, logger), now: cfg.now}
	if cfg.cacheSize > 0 {
		p.cache = newDecisionCache(cfg.cacheSize)
	}
	m, err := newModel()
	if err != nil {
		return nil, err
	}
	if err := p.adapter.loadPermissions(m); err != nil {
		return nil, err
	}
	set, err := newEnforcerSet(m, p.adapter)
	if err != nil {
		return nil, err
	}
	p.enforcers.Store(set)
	p.index.Store(newSubjectIndex())
	return p, nil
}

// newEnforcer wraps an already filled model. Casbin never writes (auto-save
// off, the adapter refuses) and never logs: errors reach our logger. a is
// nil for the per-permission enforcers, which never load.
func newEnforcer(m model.Model, a *Adapter) (*casbin.SyncedEnforcer, error) {
	e, err := casbin.NewSyncedEnforcer(m)
	if err != nil {
		return nil, fmt.Errorf("new enforcer: %w", err)
	}
	e.EnableLog(false)
	e.EnableAutoSave(false)
	if a != nil {
		e.SetAdapter(a)
	}
	if err := e.BuildRoleLinks(); err != nil {
		return nil, fmt.Errorf("build role links: %w", err)
	}
	return e, nil
}
