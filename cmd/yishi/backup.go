package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"yishi/authz"
	"yishi/internal/backup"
	"yishi/internal/config"
)

// errPostgresBackup explains that a PostgreSQL installation is backed up
// with PostgreSQL's own tools; the README has the commands.
var errPostgresBackup = errors.New("the database is PostgreSQL: back it up with pg_dump -Fc and restore it with pg_restore, " +
	"and copy the data directory's blobs/ and the JWT key file alongside (README, \"Backups\")")

// backupCmd writes a consistent copy of a live SQLite installation, its
// keys and its blobs into a new directory: `yishi backup PATH [flags]`.
// Servers keep serving while it runs.
func backupCmd(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
		return errors.New("usage: yishi backup PATH [flags]")
	}
	cfg, err := loadConfig(args[1:], getenv)
	if err != nil {
		return err
	}
	l, err := layoutOf(cfg)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	m, err := backup.Create(ctx, l, args[0], time.Now)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "backup: %s written in %s: database %d bytes (integrity %s), keys %v, %d blobs (%d bytes)\n",
		args[0], m.Took, m.DatabaseBytes, m.Integrity, m.HasKeys, m.Blobs, m.BlobBytes)
	return err
}

// restoreCmd copies a backup into the configured installation:
// `yishi restore [-force] PATH [flags]`. It refuses while any process
// uses the database, and without -force when a database or key file is
// already there.
func restoreCmd(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	force := false
	if i := slices.IndexFunc(args, func(a string) bool { return a == "-force" || a == "--force" }); i >= 0 {
		force, args = true, slices.Delete(slices.Clone(args), i, i+1)
	}
	if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
		return errors.New("usage: yishi restore [-force] PATH [flags]")
	}
	cfg, err := loadConfig(args[1:], getenv)
	if err != nil {
		return err
	}
	l, err := layoutOf(cfg)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	m, err := backup.Restore(ctx, args[0], l, force)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "restore: %s (taken %s) restored into %s; start yishi serve\n",
		args[0], m.CreatedAt.Format(time.RFC3339), l.DBPath)
	return err
}

// layoutOf is where the configured installation keeps its state.
func layoutOf(cfg config.Config) (backup.Layout, error) {
	path, ok := sqlitePath(cfg.DatabaseURL)
	if !ok {
		return backup.Layout{}, errPostgresBackup
	}
	keys := cfg.JWTKeyFile
	if keys == "" {
		keys = filepath.Join(cfg.DataDir, authz.DefaultKeyFileName)
	}
	return backup.Layout{DBPath: path, KeyFile: keys, BlobDir: filepath.Join(cfg.DataDir, "blobs")}, nil
}
