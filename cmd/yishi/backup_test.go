package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"yishi/internal/backup"
	"yishi/internal/testdb"
)

// TestBackupDuringLoadRestoresAcknowledgedWrites backs up a live SQLite
// installation with `yishi backup` while concurrent writes go on,
// restores it into a new data directory with `yishi restore`, starts a
// server there and finds every write acknowledged before the backup
// started, the attachment blobs, and working signing keys (the tokens
// issued before the backup still sign in). A restore into the live
// installation is refused.
func TestBackupDuringLoadRestoresAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real yishi processes; skipped in -short mode")
	}
	if testdb.IsPostgres() {
		t.Skip("yishi backup is for SQLite; TestBackupExplainsPostgres covers PostgreSQL")
	}
	bin, dir := yishiBinary(t), t.TempDir()
	live := instance{bin: bin, dbURL: "sqlite://" + filepath.Join(dir, "live", "yishi.db"),
		dataDir: filepath.Join(dir, "live", "data"), logPath: filepath.Join(dir, "live.log")}
	a := newAPI(t, live.serve(t))
	f := setUp(a, 8, 2)
	letterText := []byte("爷爷上楼要歇好几次，希望楼道转角放几把椅子。")
	attachment := a.attach(idOf(t, a.must("POST", unitURL(f.grid, "/proposals"), f.guide.token, letter("附件"), 201), "id"),
		f.guide.token, letterText)

	led := newLedger()
	l := newLoad(a, f, led, "备份中的投票")
	warm := make(chan struct{})
	var once sync.Once
	l.onAck = func(n int64) {
		if n >= 20 {
			once.Do(func() { close(warm) })
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() { defer close(done); l.run(ctx) }()
	<-warm
	before := led.snapshot()
	ackedBefore := l.acked.Load()
	path := filepath.Join(dir, "backup")
	out, err := live.command("backup", path)
	ackedDuring := l.acked.Load() - ackedBefore
	if err != nil {
		t.Fatalf("yishi backup: %v\n%s", err, out)
	}
	// The server kept serving: a write after the backup is acknowledged.
	a.must("POST", unitURL(f.grid, "/proposals"), f.guide.token, letter("备份之后"), 201)
	cancel()
	<-done

	if out, err := live.command("restore", "-force", path); err == nil || !strings.Contains(out, "in use") {
		t.Fatalf("restore over the live database: %v\n%s", err, out)
	}
	m, err := backup.ReadManifest(path)
	if err != nil {
		t.Fatal(err)
	}
	integrity, err := backup.IntegrityCheck(context.Background(), filepath.Join(path, "yishi.db"))
	if err != nil || integrity != "ok" {
		t.Fatalf("integrity_check of the backup: %q %v", integrity, err)
	}

	restored := instance{bin: bin, dbURL: "sqlite://" + filepath.Join(dir, "restored", "yishi.db"),
		dataDir: filepath.Join(dir, "restored", "data"), logPath: filepath.Join(dir, "restored.log")}
	if out, err := restored.command("restore", path); err != nil {
		t.Fatalf("yishi restore: %v\n%s", err, out)
	}
	a2 := newAPI(t, restored.serve(t))
	viaAPI := checkAPI(a2, f, before)
	r := readRows(t, restored.dbURL)
	inDB := r.checkAcknowledged(t, before)
	checked := r.checkWhole(t)
	if got := a2.download(attachment, f.guide.token); !bytes.Equal(got, letterText) {
		t.Errorf("restored attachment = %q, want %q", got, letterText)
	}
	t.Logf("backup: %s; %d writes acknowledged before it started, %d during it; integrity_check %s; "+
		"restored: %d/%d found in the database, %d/%d through the API, %d objects checked whole",
		strings.TrimSpace(out), before.writes(), ackedDuring, integrity, inDB, before.writes(), viaAPI, before.writes(), checked)
	t.Logf("manifest: database %d bytes, %d blobs (%d bytes), keys %v, took %s", m.DatabaseBytes, m.Blobs, m.BlobBytes, m.HasKeys, m.Took)
}

// TestBackupExplainsPostgres: on PostgreSQL, backup and restore exit
// non-zero and point at pg_dump / pg_restore.
func TestBackupExplainsPostgres(t *testing.T) {
	for _, cmd := range [][]string{{"backup", t.TempDir()}, {"restore", t.TempDir()}} {
		var out bytes.Buffer
		err := run(context.Background(), cmd, env(map[string]string{
			"YISHI_DATABASE_URL": "postgres://yishi@127.0.0.1:1/yishi", "YISHI_DATA_DIR": t.TempDir()}), &out)
		if err == nil || !strings.Contains(err.Error(), "pg_dump") {
			t.Fatalf("%s on PostgreSQL: %v", cmd[0], err)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
