package session

import (
	"context"
	"testing"
	"time"

	"yishi/internal/viewer"
)

func TestRevokeLogsOutFamily(t *testing.T) {
	s, _ := newTestSessions(t)
	ctx := context.Background()
	r0 := issueTest(t, s, 7)
	r1 := rotateTest(t, s, r0, 7)
	otherLogin := issueTest(t, s, 7)

	if err := s.Revoke(ctx, r0); err != nil { // a stale token still logs out
		t.Fatal(err)
	}
	assertRefused(t, s, r1, ErrInvalidRefresh)
	for _, raw := range []string{r1, r0, "unknown", ""} {
		if err := s.Revoke(ctx, raw); err != nil {
			t.Fatalf("Revoke(%q) = %v; want idempotent nil", raw, err)
		}
	}
	rotateTest(t, s, otherLogin, 7)
}

func TestRevokeUserEndsEverySession(t *testing.T) {
	s, _ := newTestSessions(t)
	a := issueTest(t, s, 7)
	b := rotateTest(t, s, issueTest(t, s, 7), 7)
	other := issueTest(t, s, 8)
	if err := s.RevokeUser(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	assertRefused(t, s, a, ErrInvalidRefresh)
	assertRefused(t, s, b, ErrInvalidRefresh)
	rotateTest(t, s, other, 8)
}

func TestPurgeExpiredKeepsLiveTokens(t *testing.T) {
	s, c := newTestSessions(t)
	ctx := context.Background()
	issueTest(t, s, 7)
	c.advance(testTTL + 2*time.Hour)
	live := issueTest(t, s, 8)
	n, err := s.PurgeExpired(ctx, time.Hour)
	if err != nil || n != 1 {
		t.Fatalf("PurgeExpired = %d, %v; want 1", n, err)
	}
	left, err := s.client.RefreshToken.Query().Count(viewer.SystemContext(ctx))
	if err != nil || left != 1 {
		t.Fatalf("left %d, %v", left, err)
	}
	rotateTest(t, s, live, 8)
}
