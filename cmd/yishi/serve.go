package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"yishi/authz"
	"yishi/handlers"
	"yishi/internal/blobstore"
	"yishi/internal/config"
	"yishi/internal/password"
	"yishi/internal/session"
	"yishi/internal/store"
	"yishi/internal/throttle"
)

// serve runs the API until ctx ends (SIGINT/SIGTERM), then lets in-flight
// requests finish before closing the database.
func serve(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, err := loadConfig(args, getenv)
	if err != nil {
		return err
	}
	logger, err := newLogger(cfg, out)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer closeStore(st, logger)
	// Background work stops, and is waited for, before the database
	// closes: defers run last-first.
	var background sync.WaitGroup
	defer background.Wait()
	workers, stopWorkers := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWorkers()
	deps, err := buildDeps(workers, &background, cfg, st, logger)
	if err != nil {
		return err
	}
	if err := bootstrapAdmin(ctx, cfg, deps); err != nil {
		return err
	}
	startJobs(workers, &background, cfg, st, deps.Policy, logger)
	router, err := handlers.NewRouter(deps)
	if err != nil {
		return fmt.Errorf("router: %w", err)
	}
	stopMetrics, err := startMetrics(cfg.MetricsAddr, deps.Registry, logger)
	if err != nil {
		return err
	}
	defer stopMetrics()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Addr, err)
	}
	drain := &handlers.Drain{}
	srv := &http.Server{
		Handler:           drain.Wrap(handlers.WithRequestTimeout(handlers.RetryReads(router), cfg.RequestTimeout)),
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 1 << 20,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("serving", "addr", ln.Addr().String(), "version", version, "dialect", st.Dialect)
	return runServer(ctx, srv, ln, drain, cfg.DrainDelay, cfg.ShutdownTimeout, logger)
}

// runServer serves until ctx ends, then drains: new requests answer 503
// (handlers.Drain), for delay with the listener still open so a load
// balancer sees /readyz fail, then Shutdown stops accepting and waits up
// to grace for the requests in flight.
func runServer(ctx context.Context, srv *http.Server, ln net.Listener, drain *handlers.Drain, delay, grace time.Duration, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("draining", "delay", delay.String(), "grace", grace.String())
	drain.Start()
	time.Sleep(delay)
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// buildDeps wires the long-lived parts. Background work (the policy
// watcher) runs under workers, which outlives the serving context so a
// shutdown can finish in-flight requests first; background tracks it.
func buildDeps(workers context.Context, background *sync.WaitGroup, cfg config.Config, st *store.Store, logger *slog.Logger) (handlers.Deps, error) {
	keys, err := authz.LoadKeySet(cfg.JWTKeyFile, cfg.DataDir)
	if err != nil {
		return handlers.Deps{}, err
	}
	blobs, err := blobstore.NewLocal(filepath.Join(cfg.DataDir, "blobs"))
	if err != nil {
		return handlers.Deps{}, err
	}
	policy, err := authz.NewPolicy(st.Client, st.DB, st.Dialect, logger, authz.WithPostgresURL(postgresURL(st)))
	if err != nil {
		return handlers.Deps{}, err
	}
	if err := policy.Load(workers); err != nil {
		return handlers.Deps{}, err
	}
	background.Go(func() { policy.Watch(workers) })
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return handlers.Deps{
		Config: cfg, Store: st, Logger: logger, Policy: policy, Keys: keys,
		Tokens:    authz.NewTokens(keys, cfg.Issuer, cfg.Audience, cfg.AccessTTL, time.Now),
		Sessions:  session.New(st.Client, cfg.RefreshTTL, time.Now),
		Passwords: password.NewHasher(password.DefaultParams()),
		Logins:    throttle.NewGuard(throttleStore(st), throttle.DefaultPolicies(), time.Now),
		Registry:  reg, Version: version, Blobs: blobs,
	}, nil
}

// closeStore closes the database last, after the server and background
// work stopped; on SQLite the last connection checkpoints the WAL.
func closeStore(st *store.Store, logger *slog.Logger) {
	if err := st.Close(); err != nil {
		logger.Error("closing the database", "err", err)
		return
	}
	logger.Info("database closed")
}

// hashWait is how long a login or registration waits for a free hashing
// slot before answering 503: long enough to ride out a short burst, short
// enough that requests do not pile up.
const hashWait = 2 * time.Second

// hashBudget is the memory a burst of password hashes may hold by
// default (issue 15: sixteen concurrent logins must not add 300 MB).
const hashBudget = 256 << 20

// hashGate bounds concurrent argon2 hashes (64 MiB each) to about the
// number of cores, within hashBudget, unless YISHI_HASH_CONCURRENCY says
// otherwise.
func hashGate(cfg config.Config, p password.Params) *password.Gate {
	n := cfg.HashConcurrency
	if n == 0 {
		n = password.GateSize(p, hashBudget)
	}
	return password.NewGate(n, hashWait)
}

// throttleStore shares failed-login counts through PostgreSQL, so N
// instances do not give N times the attempts; SQLite runs one instance,
// whose memory is enough.
func throttleStore(st *store.Store) throttle.Store {
	if st.Dialect == "postgres" {
		return throttle.NewSQL(st.DB)
	}
	return throttle.NewMemory(100_000)
}

func postgresURL(st *store.Store) string {
	if st.Dialect == "postgres" {
		return st.URL
	}
	return ""
}
