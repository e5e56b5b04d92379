package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"yishi/internal/config"
	"yishi/internal/store"
)

// loadConfig reads flags over the environment.
func loadConfig(args []string, getenv func(string) string) (config.Config, error) {
	return config.Load(args, getenv)
}

// newLogger writes structured JSON logs at the configured level.
func newLogger(cfg config.Config, out io.Writer) (*slog.Logger, error) {
	level, err := cfg.SlogLevel()
	if err != nil {
		return nil, err
	}
	return slog.New(slog.NewJSONHandler(out, &slog.HandlerOptions{Level: level})), nil
}

// openStore opens and migrates the database, creating the SQLite file's
// directory when needed.
func openStore(ctx context.Context, cfg config.Config, logger *slog.Logger) (*store.Store, error) {
	if err := ensureSQLiteDir(cfg.DatabaseURL); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	logger.Info("database ready", "dialect", st.Dialect, "applied_migrations", applied)
	return st, nil
}

func ensureSQLiteDir(url string) error {
	path, ok := sqlitePath(url)
	if !ok {
		return nil
	}
	if dir := filepath.Dir(path); dir != "." && dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return fmt.Errorf("create database directory: %w", err)
		}
	}
	return nil
}

// sqlitePath is the file of a SQLite database URL; ok is false for
// PostgreSQL.
func sqlitePath(url string) (path string, ok bool) {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		return "", false
	}
	path = strings.TrimPrefix(strings.TrimPrefix(url, "sqlite://"), "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	return path, true
}

// migrateCmd applies pending migrations and reports what it did.
func migrateCmd(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, err := loadConfig(args, getenv)
	if err != nil {
		return err
	}
	if err := ensureSQLiteDir(cfg.DatabaseURL); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		_, err = fmt.Fprintln(out, "migrate: database is up to date")
		return err
	}
	_, err = fmt.Fprintf(out, "migrate: applied %s\n", strings.Join(applied, ", "))
	return err
}
