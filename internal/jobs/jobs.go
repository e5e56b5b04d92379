// Package jobs runs periodic background work (lapsing joint proposals
// past their deadline, later closing proposals after the feedback window).
// With several instances on PostgreSQL, a session advisory lock makes sure
// one instance at a time runs each job; SQLite means a single instance.
package jobs

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"hash/fnv"
	"log/slog"
	"time"

	"entgo.io/ent/dialect"

	"yishi/internal/store"
)

// Job is one named unit of periodic work.
type Job struct {
	Name     string
	Interval time.Duration
	Run      func(ctx context.Context) (int, error)
}

// Runner runs jobs against one database.
type Runner struct {
	DB      *sql.DB
	Dialect string
	Logger  *slog.Logger
}

// Every runs j every Interval until ctx ends.
func (r Runner) Every(ctx context.Context, j Job) {
	t := time.NewTicker(j.Interval)
	defer t.Stop()
	for {
		r.onceLogged(ctx, j)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// onceLogged runs j once, bounded by its interval so a database that
// stops answering cannot wedge the loop; the next tick is the retry, so a
// database outage costs one warning per interval, not a hot loop.
func (r Runner) onceLogged(ctx context.Context, j Job) {
	rctx, cancel := context.WithTimeout(ctx, j.Interval)
	defer cancel()
	err := r.Once(rctx, j)
	switch {
	case err == nil || ctx.Err() != nil:
	case store.FaultOf(err) != store.NoFault:
		r.Logger.Warn("job skipped: database unavailable", "job", j.Name, "err", err, "retry_in", j.Interval)
	default:
		r.Logger.Error("job failed", "job", j.Name, "err", err)
	}
}

// Once runs j now unless another instance holds its lock.
func (r Runner) Once(ctx context.Context, j Job) error {
	if r.Dialect != dialect.Postgres {
		return r.run(ctx, j)
	}
	conn, err := r.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("job %s: conn: %w", j.Name, err)
	}
	defer conn.Close()
	key := lockKey(j.Name)
	var got bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&got); err != nil {
		return fmt.Errorf("job %s: lock: %w", j.Name, err)
	}
	if !got {
		return nil
	}
	defer unlock(context.WithoutCancel(ctx), conn, key)
	return r.run(ctx, j)
}

// unlock releases the job's advisory lock. If that fails the connection
// is discarded rather than returned to the pool still holding the lock,
// which would stop every instance from running the job again.
func unlock(ctx context.Context, conn *sql.Conn, key int64) {
	var released bool
	err := conn.QueryRowContext(ctx, "SELECT pg_advisory_unlock($1)", key).Scan(&released)
	if err != nil || !released {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}

func (r Runner) run(ctx context.Context, j Job) error {
	n, err := j.Run(ctx)
	if n > 0 {
		r.Logger.Info("job ran", "job", j.Name, "changed", n)
	}
	return err
}

// lockKey maps a job name to a stable advisory-lock key.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("yishi.job." + name))
	return int64(h.Sum64() >> 1)
}
