package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

// api talks JSON to one running server.
type api struct {
	t    testing.TB
	base string
	hc   *http.Client
	sms  *smsInbox
}

func newAPI(t testing.TB, p *process) *api {
	tr := &http.Transport{MaxIdleConnsPerHost: 32}
	t.Cleanup(tr.CloseIdleConnections)
	return &api{t: t, base: p.base, hc: &http.Client{Transport: tr, Timeout: 30 * time.Second}, sms: p.sms}
}

// reply is an answer with its body read in full: a write counts as
// acknowledged only once the whole 2xx answer has arrived.
type reply struct {
	status int
	body   []byte
}

func (r reply) ok() bool { return r.status >= 200 && r.status < 300 }

// call sends one request; an error means no complete answer arrived
// (the server died, the connection broke, ctx ended).
func (a *api) call(ctx context.Context, method, path, token string, body any) (reply, error) {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return reply{}, fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, rd)
	if err != nil {
		return reply{}, fmt.Errorf("request %s %s: %w", method, path, err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := a.hc.Do(req)
	if err != nil {
		return reply{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return reply{}, fmt.Errorf("%s %s: read answer: %w", method, path, err)
	}
	return reply{status: res.StatusCode, body: b}, nil
}

// must sends a request that has to answer want, failing the test
// otherwise, and decodes the answer's JSON object.
func (a *api) must(method, path, token string, body any, want int) map[string]any {
	a.t.Helper()
	r, err := a.call(context.Background(), method, path, token, body)
	if err != nil {
		a.t.Fatal(err)
	}
	if r.status != want {
		a.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, r.status, want, r.body)
	}
	return decodeObject(a.t, r)
}

// decodeObject reads a JSON object answer (an empty body is an empty map).
func decodeObject(t testing.TB, r reply) map[string]any {
	t.Helper()
	out := map[string]any{}
	if len(bytes.TrimSpace(r.body)) == 0 {
		return out
	}
	if err := json.Unmarshal(r.body, &out); err != nil {
		t.Fatalf("decode answer: %v; body %s", err, r.body)
	}
	return out
}

// idOf reads the integer field key (an "id", a "percent") of an answer.
func idOf(t testing.TB, m map[string]any, key string) int {
	t.Helper()
	v, ok := m[key].(float64)
	if !ok {
		t.Fatalf("answer has no numeric %q: %v", key, m)
	}
	return int(v)
}
