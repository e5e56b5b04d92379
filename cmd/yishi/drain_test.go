package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedWriter is a log sink safe for the server's goroutines.
type lockedWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func (w *lockedWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// startServe runs `yishi serve` in-process on a free port; cancelling
// the returned context is what SIGTERM does (main's NotifyContext).
func startServe(t *testing.T, vars map[string]string) (base string, stop context.CancelFunc, done <-chan error, logs *lockedWriter) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	vars["YISHI_ADDR"] = addr
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	logs = &lockedWriter{}
	go func() { errc <- run(ctx, []string{"serve"}, env(vars), logs) }()
	base = "http://" + addr
	deadline := time.Now().Add(20 * time.Second)
	for {
		if r, err := http.Get(base + "/healthz"); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			return base, cancel, errc, logs
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no /healthz: %s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// answer is one request's outcome: a status with its body read to the
// end, or the transport error.
type answer struct {
	status int
	code   string
	err    error
}

func send(client *http.Client, method, url, token, body string) answer {
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	r, err := client.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer r.Body.Close()
	raw, err := io.ReadAll(r.Body) // a reset mid-response fails here
	a := answer{status: r.StatusCode, err: err}
	if i := bytes.Index(raw, []byte(`"code":"`)); i >= 0 {
		a.code = string(raw[i+8 : i+8+bytes.IndexByte(raw[i+8:], '"')])
	}
	return a
}

// inFlight reads yishi_http_requests_in_flight from the metrics listener.
func inFlight(base string) int {
	r, err := http.Get(base + "/metrics")
	if err != nil {
		return -1
	}
	defer r.Body.Close()
	sc := bufio.NewScanner(r.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "yishi_http_requests_in_flight "); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return -1
}

// TestSIGTERMDrainsInFlightWrites: writes held in flight (another
// connection holds SQLite's write lock) when the server is told to stop
// all complete 201; requests that arrive during the drain answer 503
// server.draining or find the port closed, never 500 or a reset
// mid-response; serve returns cleanly and the file passes integrity_check
// with its WAL checkpointed away.
func TestSIGTERMDrainsInFlightWrites(t *testing.T) {
	dir := t.TempDir()
	metricsAddr := freeAddr(t)
	dbPath := filepath.Join(dir, "yishi.db")
	base, stop, done, logs := startServe(t, map[string]string{
		"YISHI_DATA_DIR": dir, "YISHI_DATABASE_URL": "sqlite://" + dbPath + "?_pragma=busy_timeout(60000)",
		"YISHI_ADMIN_PHONE": "13800000000", "YISHI_ADMIN_PASSWORD": "bootstrap-pass", "YISHI_LOG_LEVEL": "warn",
		"YISHI_DRAIN_DELAY": "1s", "YISHI_METRICS_ADDR": metricsAddr,
	})
	defer stop()
	client := &http.Client{Timeout: 60 * time.Second}
	token := loginToken(t, client, base)

	release := holdWriteLock(t, dbPath)
	const writers = 6
	results := make(chan answer, writers)
	for i := 0; i < writers; i++ {
		go func(i int) {
			results <- send(client, "POST", base+"/v1/tenants", token, fmt.Sprintf(`{"name":"街道%d","code":"drain-%d"}`, i, i))
		}(i)
	}
	// /metrics has its own listener, so it does not count itself.
	waitUntil(t, "writes in flight", func() bool { return inFlight("http://"+metricsAddr) >= writers })

	stop() // SIGTERM
	waitUntil(t, "drain started", func() bool {
		a := send(&http.Client{Timeout: 5 * time.Second}, "GET", base+"/readyz", "", "")
		return a.status == 503 || isRefused(a.err)
	})
	late := []answer{}
	for i := 0; i < 5; i++ {
		late = append(late, send(&http.Client{Timeout: 5 * time.Second}, "GET", base+"/v1/me", token, ""))
		late = append(late, send(&http.Client{Timeout: 5 * time.Second}, "POST", base+"/v1/tenants", token, `{"name":"迟到","code":"late"}`))
	}
	release()
	for i := 0; i < writers; i++ {
		if a := <-results; a.status != 201 || a.err != nil {
			t.Errorf("in-flight write: %+v", a)
		}
	}
	refused, drained := 0, 0
	for _, a := range late {
		switch {
		case a.err == nil && a.status == 503 && a.code == "server.draining":
			drained++
		case a.err != nil && isRefused(a.err):
			refused++
		default:
			t.Errorf("request during the drain: %+v", a)
		}
	}
	t.Logf("during the drain: %d answered 503 server.draining, %d found the port closed", drained, refused)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Contains(logs.String(), `"status":500`) {
		t.Errorf("a request answered 500: %s", logs.String())
	}
	checkClosedCleanly(t, dbPath, writers)
}

func loginToken(t *testing.T, client *http.Client, base string) string {
	t.Helper()
	r, err := client.Post(base+"/v1/auth/login", "application/json",
		strings.NewReader(`{"phone":"13800000000","password":"bootstrap-pass"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	raw, _ := io.ReadAll(r.Body)
	_, rest, ok := strings.Cut(string(raw), `"access_token":"`)
	if !ok {
		t.Fatalf("login: %s", raw)
	}
	return rest[:strings.IndexByte(rest, '"')]
}

// holdWriteLock takes SQLite's write lock from another connection, as a
// second process would; release rolls back and closes that connection.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("BEGIN IMMEDIATE"); err != nil {
		db.Close()
		t.Fatal(err)
	}
	return func() {
		if _, err := db.Exec("ROLLBACK"); err != nil {
			t.Error(err)
		}
		db.Close()
	}
}

// checkClosedCleanly opens the file afresh: integrity_check passes, the
// in-flight writes are there, and the WAL was checkpointed on close.
func checkClosedCleanly(t *testing.T, path string, writes int) {
	t.Helper()
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("WAL left behind (%d bytes): the database was not closed cleanly", fi.Size())
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q, %v", res, err)
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM units WHERE code LIKE 'drain-%'`).Scan(&n); err != nil || n != writes {
		t.Fatalf("found %d of %d acknowledged writes (%v)", n, writes, err)
	}
}

func isRefused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not after 30 s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
