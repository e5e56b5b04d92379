package backup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Restore copies the backup in dir into the installation at l. It refuses
// when any process holds the target database open (ErrInUse), and, unless
// force is set, when a database or key file is already there: restoring
// replaces them, and the data written since the backup is lost. Blobs are
// added to the blob directory; blobs the backup lacks are left in place.
func Restore(ctx context.Context, dir string, l Layout, force bool) (Manifest, error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return m, fmt.Errorf("restore: %w", err)
	}
	src := filepath.Join(dir, dbName)
	if res, err := IntegrityCheck(ctx, src); err != nil || res != "ok" {
		return m, fmt.Errorf("restore: the backup's database fails integrity_check: %q %v", res, err)
	}
	used, err := InUse(ctx, l.DBPath)
	if err != nil {
		return m, fmt.Errorf("restore: %w", err)
	}
	if used {
		return m, fmt.Errorf("restore: %s: %w", l.DBPath, ErrInUse)
	}
	if !force {
		for _, p := range []string{l.DBPath, l.KeyFile} {
			if _, err := os.Stat(p); err == nil {
				return m, fmt.Errorf("restore: %s exists and would be replaced; pass -force to replace it", p)
			}
		}
	}
	if err := replaceDatabase(src, l.DBPath); err != nil {
		return m, fmt.Errorf("restore: %w", err)
	}
	if m.HasKeys {
		if _, err := copyFile(filepath.Join(dir, keyName), l.KeyFile); err != nil {
			return m, fmt.Errorf("restore: keys: %w", err)
		}
	}
	if _, _, err := copyTree(filepath.Join(dir, blobsName), l.BlobDir); err != nil {
		return m, fmt.Errorf("restore: blobs: %w", err)
	}
	return m, nil
}

// replaceDatabase puts a copy of src at dst atomically. The old -wal and
// -shm files go first: SQLite would replay an old WAL into the restored
// file and corrupt it.
func replaceDatabase(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return fmt.Errorf("create database directory: %w", err)
	}
	tmp := dst + ".restoring"
	if _, err := copyFile(src, tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dst + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			_ = os.Remove(tmp)
			return fmt.Errorf("remove the old %s file: %w", suffix, err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("install database: %w", err)
	}
	return syncDir(filepath.Dir(dst))
}
