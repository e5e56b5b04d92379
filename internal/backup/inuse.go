package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// InUse reports whether any process holds the SQLite database at path
// open. It asks SQLite itself for an exclusive lock on the file (no
// waiting): a WAL-mode connection keeps a shared lock for as long as it
// is open, so a running yishi serve, idle or busy, makes this fail. The
// operating system drops the locks of a killed process, so a crash never
// leaves a stale "in use" behind, unlike a pid or lock file. A missing
// file is not in use.
func InUse(ctx context.Context, path string) (bool, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("stat database: %w", err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=rw&_pragma=busy_timeout(0)")
	if err != nil {
		return false, fmt.Errorf("open database: %w", err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return busy(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA locking_mode=EXCLUSIVE"); err != nil {
		return busy(err)
	}
	// The first read after EXCLUSIVE takes the lock and keeps it.
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return busy(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return busy(err)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		return false, fmt.Errorf("release the lock: %w", err)
	}
	return false, nil
}

// busy turns SQLite's "database is locked" into true; anything else is
// an error.
func busy(err error) (bool, error) {
	if s := err.Error(); strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked") {
		return true, nil
	}
	return false, fmt.Errorf("check whether the database is in use: %w", err)
}
