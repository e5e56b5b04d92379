package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"yishi/internal/testdb"
)

// TestCrashKeepsAcknowledgedWrites SIGKILLs a real `yishi serve` under
// concurrent writes at several kill points, restarts it on the same
// database each time, and checks through the API and directly in the
// database that every acknowledged write survived and that no object is
// half-written. It runs on a SQLite file (synchronous=FULL), or on a
// fresh PostgreSQL database when YISHI_TEST_DATABASE_URL is set.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("runs and kills real yishi processes; skipped in -short mode")
	}
	dir := t.TempDir()
	in := instance{bin: yishiBinary(t), dbURL: databaseURL(t, dir), dataDir: filepath.Join(dir, "data"),
		logPath: filepath.Join(dir, "serve.log")}
	p := in.serve(t)
	a := newAPI(t, p)
	f := setUp(a, 8, 2)
	led := newLedger()
	// Each round SIGKILLs the server after this many acknowledged writes,
	// with the other workers' requests in flight.
	for i, killAfter := range []int{10, 35, 80} {
		l := newLoad(a, f, led, fmt.Sprintf("第%d轮", i+1))
		inFlight := killDuring(t, l, p, killAfter)
		p = in.serve(t)
		a = newAPI(t, p)
		r := readRows(t, in.dbURL)
		checked := r.checkWhole(t)
		inDB := r.checkAcknowledged(t, led)
		viaAPI := checkAPI(a, f, led)
		t.Logf("%s kill %d: SIGKILL after %d acknowledged writes this round (%d requests in flight; refusals:%s); "+
			"restart: %d/%d acknowledged writes found in the database, %d/%d through the API; %d objects checked whole",
			dialectOf(in.dbURL), i+1, l.acked.Load(), inFlight, l.refusals(), inDB, led.writes(), viaAPI, led.writes(), checked)
		if t.Failed() {
			t.Fatalf("server log:\n%s", in.logTail())
		}
	}
}

// killDuring runs l until killAfter writes are acknowledged, then kills
// the server at once, and returns how many requests were in flight.
func killDuring(t *testing.T, l *load, p *process, killAfter int) (inFlight int64) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	l.onAck = func(n int64) {
		if n >= int64(killAfter) {
			once.Do(func() {
				inFlight = l.inFlight.Load()
				p.kill()
				cancel()
			})
		}
	}
	// A guard against a load that makes no progress, not a timing check.
	guard := time.AfterFunc(3*time.Minute, cancel)
	defer guard.Stop()
	l.run(ctx)
	if n := l.acked.Load(); n < int64(killAfter) {
		t.Fatalf("the load stopped after %d acknowledged writes, before kill point %d (refusals:%s)", n, killAfter, l.refusals())
	}
	return inFlight
}

// databaseURL is a fresh database for one test: a SQLite file in dir, or
// a new PostgreSQL database (dropped afterwards) when the suites run on
// PostgreSQL.
func databaseURL(t *testing.T, dir string) string {
	if testdb.IsPostgres() {
		return testdb.URL(t)
	}
	return "sqlite://" + filepath.Join(dir, "yishi.db")
}

func dialectOf(url string) string {
	if strings.HasPrefix(url, "sqlite://") {
		return "sqlite"
	}
	return "postgres"
}
