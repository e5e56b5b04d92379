package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestRunVersionAndUsage(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"version"}, env(nil), &out); err != nil || out.String() != "dev\n" {
		t.Fatalf("version: %q, %v", out.String(), err)
	}
	if err := run(context.Background(), []string{"fly"}, env(nil), &out); err != errUsage {
		t.Fatalf("unknown subcommand: %v", err)
	}
}

func TestMigrateTwiceChangesNothing(t *testing.T) {
	db := "sqlite://" + filepath.Join(t.TempDir(), "sub", "yishi.db")
	var first, second bytes.Buffer
	if err := run(context.Background(), []string{"migrate", "-database-url", db}, env(nil), &first); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"migrate", "-database-url", db}, env(nil), &second); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first.String(), "applied") || !strings.Contains(second.String(), "up to date") {
		t.Fatalf("first %q, second %q", first.String(), second.String())
	}
}

func TestSeedIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	e := env(map[string]string{"YISHI_DATABASE_URL": "sqlite://" + filepath.Join(dir, "y.db"), "YISHI_DATA_DIR": dir})
	var out bytes.Buffer
	for i := 0; i < 2; i++ {
		if err := run(context.Background(), []string{"seed"}, e, &out); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(out.String(), "created 胜利街道") || !strings.Contains(out.String(), "already exists") {
		t.Fatalf("seed output %q", out.String())
	}
}

// TestServeBootstrapsAnswersAndShutsDown starts the real server on the
// embedded SQLite default layout, signs in as the bootstrapped admin, and
// stops it the way SIGTERM does.
func TestServeBootstrapsAnswersAndShutsDown(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	mln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	metricsAddr := mln.Addr().String()
	mln.Close()
	e := env(map[string]string{
		"YISHI_ADDR": addr, "YISHI_METRICS_ADDR": metricsAddr, "YISHI_DATA_DIR": dir, "YISHI_DATABASE_URL": "sqlite://" + filepath.Join(dir, "yishi.db"),
		"YISHI_ADMIN_PHONE": "13800000000", "YISHI_ADMIN_PASSWORD": "bootstrap-pass", "YISHI_LOG_LEVEL": "warn",
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() { done <- run(ctx, []string{"serve"}, e, &logs) }()
	base := "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		if r, err := http.Get(base + "/healthz"); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no /healthz: %s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	r, err := http.Post(base+"/v1/auth/login", "application/json",
		strings.NewReader(`{"phone":"13800000000","password":"bootstrap-pass"}`))
	if err != nil || r.StatusCode != 200 {
		t.Fatalf("bootstrapped admin cannot sign in: %v %v", r, err)
	}
	r.Body.Close()
	// Metrics live on their own listener only (issue 15).
	if r, err := http.Get(base + "/metrics"); err != nil || r.StatusCode != 404 {
		t.Fatalf("API port serves /metrics: %v %v", r, err)
	} else {
		r.Body.Close()
	}
	mr, err := http.Get("http://" + metricsAddr + "/metrics")
	if err != nil || mr.StatusCode != 200 {
		t.Fatalf("metrics listener: %v %v", mr, err)
	}
	body, _ := io.ReadAll(mr.Body)
	mr.Body.Close()
	if !strings.Contains(string(body), "yishi_http_requests_total") {
		t.Fatalf("metrics lack request counters:\n%.300s", body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Fatal("still serving after shutdown")
	}
}

func TestKeysStageThenPromote(t *testing.T) {
	dir := t.TempDir()
	e := env(map[string]string{"YISHI_DATA_DIR": dir})
	var out bytes.Buffer
	for _, step := range []string{"rotate", "stage", "promote"} {
		if err := run(context.Background(), []string{"keys", step}, e, &out); err != nil {
			t.Fatalf("keys %s: %v", step, err)
		}
	}
	if err := run(context.Background(), []string{"keys", "burn"}, e, &out); err != errUsage {
		t.Fatalf("unknown keys step: %v", err)
	}
}
