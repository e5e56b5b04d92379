package jobs_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"yishi/internal/jobs"
	"yishi/internal/store"
	"yishi/internal/testdb"
)

// twoRunners opens two pools on one database, as two instances would.
func twoRunners(t *testing.T) (a, b jobs.Runner, st *store.Store) {
	t.Helper()
	st = testdb.Open(t)
	other, err := store.Open(context.Background(), st.URL)
	if err != nil {
		t.Fatalf("open second pool: %v", err)
	}
	t.Cleanup(func() { other.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return jobs.Runner{DB: st.DB, Dialect: st.Dialect, Logger: log},
		jobs.Runner{DB: other.DB, Dialect: other.Dialect, Logger: log}, st
}

// advisoryLocks counts the advisory locks held in the database.
func advisoryLocks(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	err := st.DB.QueryRowContext(context.Background(),
		"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())").Scan(&n)
	if err != nil {
		t.Fatalf("count advisory locks: %v", err)
	}
	return n
}

// While one instance runs a job, another instance's run of the same job
// is skipped; a different job is not blocked; once the first finishes,
// even by failing or by its context ending, the lock is free again.
func TestOnceRunsEachJobOnOneInstanceAtATime(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("the advisory lock is PostgreSQL's; SQLite runs one instance")
	}
	a, b, st := twoRunners(t)
	started, release := make(chan struct{}), make(chan struct{})
	ctxA, cancelA := context.WithCancel(context.Background())
	defer cancelA()
	doneA := make(chan error, 1)
	go func() {
		doneA <- a.Once(ctxA, jobs.Job{Name: "close", Run: func(ctx context.Context) (int, error) {
			close(started)
			<-release
			return 0, errors.New("job failed")
		}})
	}()
	<-started

	var ranB atomic.Int32
	count := func(context.Context) (int, error) { ranB.Add(1); return 0, nil }
	if err := b.Once(context.Background(), jobs.Job{Name: "close", Run: count}); err != nil {
		t.Fatalf("second instance: %v", err)
	}
	if ranB.Load() != 0 {
		t.Fatal("the second instance ran a job the first was running")
	}
	if err := b.Once(context.Background(), jobs.Job{Name: "lapse", Run: count}); err != nil || ranB.Load() != 1 {
		t.Fatalf("another job was blocked: ran %d, err %v", ranB.Load(), err)
	}

	cancelA() // shutdown mid-run: the unlock must still happen
	close(release)
	if err := <-doneA; err == nil {
		t.Fatal("the job's error was lost")
	}
	if n := advisoryLocks(t, st); n != 0 {
		t.Fatalf("%d advisory locks still held after the job ended", n)
	}
	if err := b.Once(context.Background(), jobs.Job{Name: "close", Run: count}); err != nil || ranB.Load() != 2 {
		t.Fatalf("the lock was not released: ran %d, err %v", ranB.Load(), err)
	}
}

// Racing instances: however the ticks line up, no two runs of a job
// overlap.
func TestOnceNeverOverlaps(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("the advisory lock is PostgreSQL's; SQLite runs one instance")
	}
	a, b, _ := twoRunners(t)
	var running, overlaps, runs atomic.Int32
	job := jobs.Job{Name: "close", Run: func(context.Context) (int, error) {
		if running.Add(1) > 1 {
			overlaps.Add(1)
		}
		runs.Add(1)
		time.Sleep(2 * time.Millisecond)
		running.Add(-1)
		return 0, nil
	}}
	errs := make(chan error, 40)
	for i := 0; i < 20; i++ {
		for _, r := range []jobs.Runner{a, b} {
			go func() { errs <- r.Once(context.Background(), job) }()
		}
	}
	for i := 0; i < 40; i++ {
		if err := <-errs; err != nil {
			t.Fatalf("Once: %v", err)
		}
	}
	if overlaps.Load() != 0 {
		t.Fatalf("%d runs overlapped another", overlaps.Load())
	}
	if runs.Load() == 0 {
		t.Fatal("no instance ran the job")
	}
}

// On SQLite there is one instance and no lock: the job just runs.
func TestOnceRunsWithoutLockOnSQLite(t *testing.T) {
	if testdb.IsPostgres() {
		t.Skip("SQLite only")
	}
	st := testdb.Open(t)
	r := jobs.Runner{DB: st.DB, Dialect: st.Dialect, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ran := 0
	err := r.Once(context.Background(), jobs.Job{Name: "close", Run: func(context.Context) (int, error) { ran++; return 1, nil }})
	if err != nil || ran != 1 {
		t.Fatalf("ran %d, err %v", ran, err)
	}
}
