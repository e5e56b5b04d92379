package idempotency_test

import (
	"context"
	"testing"
	"time"

	"yishi/internal/apperr"
	"yishi/internal/idempotency"
	"yishi/internal/testdb"
	"yishi/internal/viewer"
)

// clock is a settable now for expiry tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newKeys(t *testing.T) (*idempotency.Keys, *clock, func() int) {
	t.Helper()
	st := testdb.Open(t)
	c := &clock{t: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}
	count := func() int {
		n, err := st.Client.IdempotencyKey.Query().Count(viewer.SystemContext(context.Background()))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	return idempotency.New(st.Client, c.now), c, count
}

func req(key, hash string) idempotency.Request {
	return idempotency.Request{Subject: "u:1", Key: key, Method: "POST", Path: "/v1/x", Hash: hash}
}

func wantKind(t *testing.T, err error, kind apperr.Kind, code string) {
	t.Helper()
	if e, ok := apperr.As(err); !ok || e.Kind != kind || e.Code != code {
		t.Fatalf("err %v, want %s", err, code)
	}
}

func TestBeginClaimsThenReplays(t *testing.T) {
	k, _, _ := newKeys(t)
	ctx := context.Background()
	claim, resp, err := k.Begin(ctx, req("k1", "h1"))
	if err != nil || resp != nil || claim.ID == 0 {
		t.Fatalf("first Begin: %v %v %v", claim, resp, err)
	}
	_, _, err = k.Begin(ctx, req("k1", "h1"))
	wantKind(t, err, apperr.KindConflict, "idempotency.in_progress")
	_, _, err = k.Begin(ctx, req("k1", "h2"))
	wantKind(t, err, apperr.KindUnprocessable, "idempotency.key_reused")
	stored := idempotency.Response{Status: 201, ContentType: "application/json", Body: []byte(`{"id":7}`)}
	if err := k.Complete(ctx, claim, stored); err != nil {
		t.Fatal(err)
	}
	_, resp, err = k.Begin(ctx, req("k1", "h1"))
	if err != nil || resp == nil || resp.Status != 201 || string(resp.Body) != `{"id":7}` || resp.ContentType != "application/json" {
		t.Fatalf("replay: %+v %v", resp, err)
	}
	_, _, err = k.Begin(ctx, req("k1", "h2"))
	wantKind(t, err, apperr.KindUnprocessable, "idempotency.key_reused")
}

func TestReleaseFreesTheKey(t *testing.T) {
	k, _, count := newKeys(t)
	ctx := context.Background()
	claim, _, _ := k.Begin(ctx, req("k1", "h1"))
	if err := k.Release(ctx, claim); err != nil || count() != 0 {
		t.Fatalf("release: %v, %d rows", err, count())
	}
	if again, _, err := k.Begin(ctx, req("k1", "h2")); err != nil || again.ID == claim.ID {
		t.Fatalf("after release: %v %v", again, err)
	}
}

func TestKeysArePerSubject(t *testing.T) {
	k, _, count := newKeys(t)
	ctx := context.Background()
	k.Begin(ctx, req("k1", "h1"))
	other := req("k1", "h1")
	other.Subject = "u:2"
	if _, resp, err := k.Begin(ctx, other); err != nil || resp != nil || count() != 2 {
		t.Fatalf("other subject: %v %v, %d rows", resp, err, count())
	}
}

func TestExpiredAndAbandonedKeysAreAbsent(t *testing.T) {
	k, c, count := newKeys(t)
	ctx := context.Background()
	done, _, _ := k.Begin(ctx, req("done", "h1"))
	k.Complete(ctx, done, idempotency.Response{Status: 201})
	k.Begin(ctx, req("stuck", "h1"))
	c.t = c.t.Add(idempotency.Lease)
	if _, resp, err := k.Begin(ctx, req("done", "h1")); resp == nil || err != nil {
		t.Fatalf("a live answer must replay: %v %v", resp, err)
	}
	if claim, _, err := k.Begin(ctx, req("stuck", "h2")); err != nil || claim.ID == 0 {
		t.Fatalf("an abandoned claim must be taken over: %v %v", claim, err)
	}
	c.t = c.t.Add(idempotency.TTL)
	if claim, resp, err := k.Begin(ctx, req("done", "h2")); err != nil || resp != nil || claim.ID == 0 {
		t.Fatalf("an expired answer must be ignored: %v %v %v", claim, resp, err)
	}
	if count() != 2 {
		t.Fatalf("%d rows, want 2", count())
	}
}

func TestSweepDeletesOnlyExpired(t *testing.T) {
	k, c, count := newKeys(t)
	ctx := context.Background()
	k.Begin(ctx, req("old", "h1"))
	c.t = c.t.Add(time.Hour)
	k.Begin(ctx, req("new", "h1"))
	c.t = c.t.Add(idempotency.TTL - time.Minute)
	if n, err := k.Sweep(ctx); err != nil || n != 1 || count() != 1 {
		t.Fatalf("sweep: %d %v, %d rows left", n, err, count())
	}
}
