package session

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"yishi/internal/testdb"
)

func TestRotateChainsWithinFamily(t *testing.T) {
	s, _ := newTestSessions(t)
	r0 := issueTest(t, s, 7)
	r1 := rotateTest(t, s, r0, 7)
	r2 := rotateTest(t, s, r1, 7)
	rotateTest(t, s, r2, 7)
	assertRefused(t, s, "not-a-token", ErrInvalidRefresh)
	assertRefused(t, s, "", ErrInvalidRefresh)
}

func TestRotateReuseRevokesFamily(t *testing.T) {
	s, _ := newTestSessions(t)
	r0 := issueTest(t, s, 7)
	r1 := rotateTest(t, s, r0, 7)
	otherLogin := issueTest(t, s, 7)

	assertRefused(t, s, r0, ErrRefreshReused)
	// The thief's or the victim's newest token dies with the family.
	assertRefused(t, s, r1, ErrInvalidRefresh)
	if _, _, err := s.Rotate(context.Background(), r1); errors.Is(err, ErrRefreshReused) {
		t.Fatal("a revoked token is invalid, not reused")
	}
	rotateTest(t, s, otherLogin, 7)
}

func TestRotateRefusesExpired(t *testing.T) {
	s, c := newTestSessions(t)
	r0 := issueTest(t, s, 7)
	c.advance(testTTL - time.Second)
	r1 := rotateTest(t, s, r0, 7)
	c.advance(testTTL - time.Second)
	r2 := rotateTest(t, s, r1, 7) // sliding lifetime
	c.advance(testTTL)
	assertRefused(t, s, r2, ErrInvalidRefresh)
}

func TestRotateConcurrentOnlyOneWins(t *testing.T) {
	const racers = 8
	for round := range 5 {
		s, _ := newTestSessions(t)
		raw := issueTest(t, s, 7)
		var (
			wg      sync.WaitGroup
			start   = make(chan struct{})
			mu      sync.Mutex
			winners []string
			reused  int
			refused int
		)
		for range racers {
			wg.Go(func() {
				<-start
				_, next, err := s.Rotate(context.Background(), raw)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					winners = append(winners, next)
				case errors.Is(err, ErrRefreshReused):
					reused++
				case errors.Is(err, ErrInvalidRefresh): // family already revoked
					refused++
				default:
					t.Errorf("round %d: unexpected error %v", round, err)
				}
			})
		}
		close(start)
		wg.Wait()
		if len(winners) != 1 || reused < 1 || reused+refused != racers-1 {
			t.Fatalf("round %d (pg=%v): %d winners, %d reused, %d refused; want 1 winner",
				round, testdb.IsPostgres(), len(winners), reused, refused)
		}
		// The race looked like a replay, so the winner's token is revoked.
		assertRefused(t, s, winners[0], ErrInvalidRefresh)
	}
}
