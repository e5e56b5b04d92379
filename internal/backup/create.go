package backup

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Create writes a consistent backup of the installation at l into dir,
// which must not exist or be empty, while servers keep serving. The
// database is copied with VACUUM INTO: one read transaction, so the copy
// is the database as of one instant, with no half of any transaction,
// and writers go on meanwhile (WAL). Blobs are copied after it, so every
// attachment the copy names has its file (blobs are stored before the
// row that names them commits, and never change). The manifest is
// written last.
func Create(ctx context.Context, l Layout, dir string, now func() time.Time) (Manifest, error) {
	start := now()
	m := Manifest{CreatedAt: start.UTC(), Source: l.DBPath}
	if err := emptyDir(dir); err != nil {
		return m, err
	}
	if _, err := os.Stat(l.DBPath); err != nil {
		return m, fmt.Errorf("backup: database: %w", err)
	}
	dbCopy := filepath.Join(dir, dbName)
	if err := vacuumInto(ctx, l.DBPath, dbCopy); err != nil {
		return m, err
	}
	if err := syncFile(dbCopy); err != nil {
		return m, err
	}
	var err error
	if m.Integrity, err = IntegrityCheck(ctx, dbCopy); err != nil {
		return m, err
	}
	if m.Integrity != "ok" {
		return m, fmt.Errorf("backup: the copy fails integrity_check: %s", m.Integrity)
	}
	if fi, err := os.Stat(dbCopy); err == nil {
		m.DatabaseBytes = fi.Size()
	}
	if m.HasKeys, err = copyIfExists(l.KeyFile, filepath.Join(dir, keyName)); err != nil {
		return m, fmt.Errorf("backup: keys: %w", err)
	}
	if m.Blobs, m.BlobBytes, err = copyTree(l.BlobDir, filepath.Join(dir, blobsName)); err != nil {
		return m, fmt.Errorf("backup: blobs: %w", err)
	}
	m.Took = now().Sub(start).Round(time.Millisecond).String()
	return m, writeManifest(dir, m)
}

// emptyDir creates dir (0700: the backup holds signing keys and residents'
// data) or accepts an existing empty one; it never overwrites a backup.
func emptyDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("backup: create %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("backup: read %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("backup: %s is not empty; choose a new directory", dir)
	}
	return nil
}

// vacuumInto copies the live database at src into the new file dst.
func vacuumInto(ctx context.Context, src, dst string) error {
	db, err := sql.Open("sqlite", "file:"+src+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("backup: open database: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("backup: VACUUM INTO: %w", err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check on the SQLite file at path
// and returns its answer, "ok" for a sound file.
func IntegrityCheck(ctx context.Context, path string) (string, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return "", fmt.Errorf("integrity check: open: %w", err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return "", fmt.Errorf("integrity check: %w", err)
	}
	return res, nil
}

// writeManifest writes m aside and renames it into place: its presence
// means the backup is complete.
func writeManifest(dir string, m Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("backup: manifest: %w", err)
	}
	tmp := filepath.Join(dir, manifestName+".tmp")
	if err := writeSynced(tmp, b); err != nil {
		return fmt.Errorf("backup: manifest: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, manifestName)); err != nil {
		return fmt.Errorf("backup: manifest: %w", err)
	}
	return syncDir(dir)
}

// ReadManifest reads the manifest of the backup in dir; a directory
// without one is not a finished backup.
func ReadManifest(dir string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, fmt.Errorf("%s has no %s: not a finished yishi backup", dir, manifestName)
	}
	if err != nil {
		return m, fmt.Errorf("read manifest: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("read manifest: %w", err)
	}
	return m, nil
}
