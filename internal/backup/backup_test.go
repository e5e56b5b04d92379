package backup

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yishi/internal/store"
)

// installation creates a migrated SQLite database, a key file and one
// finished blob plus one upload in progress under dir.
func installation(t *testing.T, dir string) Layout {
	t.Helper()
	l := Layout{DBPath: filepath.Join(dir, "yishi.db"), KeyFile: filepath.Join(dir, "data", "jwt-keys.pem"),
		BlobDir: filepath.Join(dir, "data", "blobs")}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), "sqlite://"+l.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for path, data := range map[string]string{
		l.KeyFile: "keys", filepath.Join(l.BlobDir, "ab", "cd", "abcd1"): "blob",
		filepath.Join(l.BlobDir, "ab", "cd", ".put-123"): "partial",
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return l
}

func TestCreateThenRestore(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	src := installation(t, filepath.Join(dir, "src"))
	bk := filepath.Join(dir, "backup")
	m, err := Create(ctx, src, bk, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if m.Integrity != "ok" || !m.HasKeys || m.Blobs != 1 || m.DatabaseBytes == 0 {
		t.Fatalf("manifest = %+v", m)
	}
	if _, err := Create(ctx, src, bk, time.Now); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("second backup into the same directory: %v", err)
	}
	dst := Layout{DBPath: filepath.Join(dir, "dst", "yishi.db"), KeyFile: filepath.Join(dir, "dst", "data", "jwt-keys.pem"),
		BlobDir: filepath.Join(dir, "dst", "data", "blobs")}
	if _, err := Restore(ctx, bk, dst, false); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dst.BlobDir, "ab", "cd", "abcd1")); err != nil || string(b) != "blob" {
		t.Fatalf("restored blob %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dst.BlobDir, "ab", "cd", ".put-123")); !os.IsNotExist(err) {
		t.Fatalf("an upload in progress was backed up: %v", err)
	}
	if _, err := Restore(ctx, bk, dst, false); err == nil || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("restore over an existing database without -force: %v", err)
	}
	// A stale WAL of the replaced database must not be replayed into the
	// restored one.
	if err := os.WriteFile(dst.DBPath+"-wal", []byte("stale"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, bk, dst, true); err != nil {
		t.Fatalf("restore -force: %v", err)
	}
	if res, err := IntegrityCheck(ctx, dst.DBPath); err != nil || res != "ok" {
		t.Fatalf("restored database: %q %v", res, err)
	}
}

func TestRestoreRefusesAnUnfinishedBackup(t *testing.T) {
	dir := t.TempDir()
	_, err := Restore(context.Background(), dir, Layout{DBPath: filepath.Join(dir, "x.db")}, true)
	if err == nil || !strings.Contains(err.Error(), "not a finished yishi backup") {
		t.Fatalf("restore of a directory without manifest: %v", err)
	}
}

func TestRestoreRefusesADatabaseInUse(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	src := installation(t, filepath.Join(dir, "src"))
	bk := filepath.Join(dir, "backup")
	if _, err := Create(ctx, src, bk, time.Now); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, "sqlite://"+src.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, bk, src, true); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("restore over an open database: %v", err)
	}
}

// TestCreateWithoutKeysOrBlobs backs up an installation that never
// started a server (no key file, no blob directory yet).
func TestCreateWithoutKeysOrBlobs(t *testing.T) {
	ctx, dir := context.Background(), t.TempDir()
	src := installation(t, filepath.Join(dir, "src"))
	src.KeyFile, src.BlobDir = filepath.Join(dir, "none.pem"), filepath.Join(dir, "no-blobs")
	m, err := Create(ctx, src, filepath.Join(dir, "backup"), time.Now)
	if err != nil || m.HasKeys || m.Blobs != 0 {
		t.Fatalf("manifest %+v, %v", m, err)
	}
	dst := Layout{DBPath: filepath.Join(dir, "dst", "yishi.db"), KeyFile: filepath.Join(dir, "dst", "k.pem"),
		BlobDir: filepath.Join(dir, "dst", "blobs")}
	if _, err := Restore(ctx, filepath.Join(dir, "backup"), dst, false); err != nil {
		t.Fatal(err)
	}
}
