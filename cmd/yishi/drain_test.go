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
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"yishi/internal/store"
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
// connection holds the write lock: SQLite's, or on PostgreSQL a SHARE lock
// on units) when the server is told to stop all complete 201; requests
// that arrive during the drain answer 503 server.draining or find the port
// closed, never 500 or a reset mid-response; serve returns cleanly, and
// the database is closed cleanly: on SQLite the file passes
// integrity_check with its WAL checkpointed away, on PostgreSQL no
// connection of the server is left. It runs on PostgreSQL when
// YISHI_TEST_DATABASE_URL is set, on a SQLite file otherwise.
func TestSIGTERMDrainsInFlightWrites(t *testing.T) {
	dir := t.TempDir()
	metricsAddr := freeAddr(t)
	dbURL := databaseURL(t, dir)
	serveURL := dbURL
	if dialectOf(dbURL) == "sqlite" {
		serveURL += "?_pragma=busy_timeout(60000)"
	}
	base, stop, done, logs := startServe(t, map[string]string{
		"YISHI_DATA_DIR": dir, "YISHI_DATABASE_URL": serveURL,
		"YISHI_ADMIN_PHONE": "13800000000", "YISHI_ADMIN_PASSWORD": "bootstrap-pass", "YISHI_LOG_LEVEL": "warn",
		"YISHI_DRAIN_DELAY": "1s", "YISHI_METRICS_ADDR": metricsAddr,
	})
	defer stop()
	client := &http.Client{Timeout: 60 * time.Second}
	token := loginToken(t, client, base)

	release := holdWriteLock(t, dbURL)
	const writers = 6
	results := make(chan answer, writers)
	started := time.Now()
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
	t.Logf("%s: %d in-flight writes answered 201 after %v; during the drain %d answered 503 server.draining, %d found the port closed",
		dialectOf(dbURL), writers, time.Since(started).Round(time.Millisecond), drained, refused)
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
	checkClosedCleanly(t, dbURL, writers)
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

// holdWriteLock takes the write lock from another connection, as a
// second process would: SQLite's (BEGIN IMMEDIATE), or on PostgreSQL a
// SHARE lock on units, which lets reads through and holds every insert of
// a tenant. release rolls back and closes that connection.
func holdWriteLock(t *testing.T, url string) (release func()) {
	t.Helper()
	ctx := context.Background()
	if dialectOf(url) == "postgres" {
		st, err := store.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		conn, err := st.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"BEGIN", "LOCK TABLE units IN SHARE MODE"} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		return func() {
			if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
				t.Error(err)
			}
			conn.Close()
			st.Close()
		}
	}
	db, err := sql.Open("sqlite", "file:"+strings.TrimPrefix(url, "sqlite://"))
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

// checkClosedCleanly opens the database afresh: the in-flight writes are
// there, and the server closed it. On SQLite integrity_check passes and
// the WAL was checkpointed on close; on PostgreSQL no other connection to
// the database is left (serve closed its pool, LISTEN included).
func checkClosedCleanly(t *testing.T, url string, writes int) {
	t.Helper()
	if dialectOf(url) == "sqlite" {
		path := strings.TrimPrefix(url, "sqlite://")
		if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
			t.Errorf("WAL left behind (%d bytes): the database was not closed cleanly", fi.Size())
		}
	}
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB
	if dialectOf(url) == "sqlite" {
		var res string
		if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
			t.Fatalf("integrity_check: %q, %v", res, err)
		}
	} else {
		// A closed connection's backend leaves pg_stat_activity a moment
		// after the client hangs up, so allow it a few seconds.
		left, err := -1, error(nil)
		for deadline := time.Now().Add(5 * time.Second); left != 0 && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			err = db.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`).Scan(&left)
		}
		if left != 0 {
			t.Fatalf("%d connections of the stopped server left open (%v)", left, err)
		}
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
