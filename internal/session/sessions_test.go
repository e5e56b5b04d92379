package session

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"yishi/internal/testdb"
	"yishi/internal/viewer"
)

const testTTL = 24 * time.Hour

// testClock is a hand-advanced clock, safe for concurrent readers.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newTestSessions returns Sessions on a private database with a clock.
func newTestSessions(t *testing.T) (*Sessions, *testClock) {
	t.Helper()
	c := &testClock{t: time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)}
	return New(testdb.Open(t).Client, testTTL, c.now), c
}

// issueTest issues a token for userID, failing the test on error.
func issueTest(t *testing.T, s *Sessions, userID int) string {
	t.Helper()
	raw, err := s.Issue(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// rotateTest rotates raw and expects success for userID.
func rotateTest(t *testing.T, s *Sessions, raw string, userID int) string {
	t.Helper()
	got, next, err := s.Rotate(context.Background(), raw)
	if err != nil || got != userID || next == "" || next == raw {
		t.Fatalf("Rotate = %d, %q, %v; want user %d and a new token", got, next, err, userID)
	}
	return next
}

// assertRefused expects Rotate(raw) to fail with want.
func assertRefused(t *testing.T, s *Sessions, raw string, want error) {
	t.Helper()
	_, _, err := s.Rotate(context.Background(), raw)
	if !errors.Is(err, want) || !errors.Is(err, ErrInvalidRefresh) {
		t.Fatalf("Rotate err = %v, want %v", err, want)
	}
}

func TestIssueStoresOnlyHash(t *testing.T) {
	s, _ := newTestSessions(t)
	raw := issueTest(t, s, 7)
	if len(raw) != 43 {
		t.Fatalf("raw token %q: want 43 base64url chars", raw)
	}
	ctx := viewer.SystemContext(context.Background())
	rows, err := s.client.RefreshToken.Query().All(ctx)
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows = %v, %v", rows, err)
	}
	if rows[0].TokenHash != hashRaw(raw) || rows[0].TokenHash == raw || rows[0].UserID != 7 {
		t.Fatalf("stored row %+v", rows[0])
	}
	if _, err := s.client.RefreshToken.Query().All(context.Background()); err == nil {
		t.Fatal("privacy policy must refuse a non-system read")
	}
}
