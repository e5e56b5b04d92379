package throttle

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// SQL is a Store in PostgreSQL's throttle_failures table, an UNLOGGED
// table created by a versioned migration (not part of the ent schema:
// nothing but this store reads it, and losing it in a crash only forgets
// recent failures). Every instance over the same database shares it.
type SQL struct {
	db    *sql.DB
	fails atomic.Int64
}

// pruneEvery is how many failures are recorded between sweeps of
// forgotten keys, so the table stays small without a background job.
const pruneEvery = 1000

// NewSQL returns a Store over db, which must be PostgreSQL and migrated.
func NewSQL(db *sql.DB) *SQL { return &SQL{db: db} }

// Get implements Store.
func (s *SQL) Get(ctx context.Context, key string) (State, error) {
	var st State
	err := s.db.QueryRowContext(ctx,
		`SELECT failures, last_at FROM throttle_failures WHERE key = $1`, key).Scan(&st.Failures, &st.Last)
	if errors.Is(err, sql.ErrNoRows) {
		return State{}, nil
	}
	if err != nil {
		return State{}, fmt.Errorf("throttle get: %w", err)
	}
	return st, nil
}

// Fail implements Store in one statement, so concurrent failures from
// several instances are all counted.
func (s *SQL) Fail(ctx context.Context, key string, now, forgetBefore time.Time) (State, error) {
	var st State
	err := s.db.QueryRowContext(ctx, `
INSERT INTO throttle_failures (key, failures, last_at) VALUES ($1, 1, $2)
ON CONFLICT (key) DO UPDATE SET
  failures = CASE WHEN throttle_failures.last_at < $3 THEN 1 ELSE throttle_failures.failures + 1 END,
  last_at = EXCLUDED.last_at
RETURNING failures, last_at`, key, now.UTC(), forgetBefore.UTC()).Scan(&st.Failures, &st.Last)
	if err != nil {
		return State{}, fmt.Errorf("throttle fail: %w", err)
	}
	if s.fails.Add(1)%pruneEvery == 0 {
		if _, err := s.db.ExecContext(ctx, `DELETE FROM throttle_failures WHERE last_at < $1`, forgetBefore.UTC()); err != nil {
			return st, fmt.Errorf("throttle prune: %w", err)
		}
	}
	return st, nil
}

// Reset implements Store.
func (s *SQL) Reset(ctx context.Context, key string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM throttle_failures WHERE key = $1`, key); err != nil {
		return fmt.Errorf("throttle reset: %w", err)
	}
	return nil
}
