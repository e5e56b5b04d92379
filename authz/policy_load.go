package authz

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Load replaces the whole policy with the database's: every live
// assignment, at the current version. Call it at start; Sync keeps it up
// to date afterwards, and calling Load again is a full resynchronisation.
func (p *Policy) Load(ctx context.Context) error {
	p.syncMu.Lock()
	defer p.syncMu.Unlock()
	return p.loadLocked(ctx)
}

func (p *Policy) loadLocked(ctx context.Context) error {
	// Read the version first: every change up to it is committed (the
	// PolicyState row lock orders them), and any later change the rows
	// already show is re-applied harmlessly by the next Sync.
	v, err := p.readVersion(ctx)
	if err != nil {
		return err
	}
	m, err := newModel()
	if err != nil {
		return err
	}
	idx := newSubjectIndex()
	if err := p.adapter.load(ctx, m, idx.add); err != nil {
		return fmt.Errorf("load policy: %w", err)
	}
	set, err := newEnforcerSet(m, p.adapter)
	if err != nil {
		return err
	}
	if err := p.loadSuspended(ctx); err != nil {
		return err
	}
	p.enforcers.Store(set)
	p.index.Store(idx)
	p.version.Store(v)
	p.advanceEpoch()
	return nil
}

// readVersion is the cheap read Watch does four times a second: one
// column of one row, so it goes straight to the pool. A missing row means
// no role has ever changed: version 0.
func (p *Policy) readVersion(ctx context.Context) (int64, error) {
	var v int64
	err := p.db.QueryRowContext(ctx, "SELECT version FROM policy_states WHERE id = 1").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read policy version: %w", err)
	}
	return v, nil
}

// advanceEpoch invalidates every cached decision; it runs after each
// change is fully applied, so a decision cached under the new epoch was
// computed against the new policy.
func (p *Policy) advanceEpoch() {
	e := p.epoch.Add(1)
	if p.cache != nil {
		p.cache.reset(e)
	}
}
