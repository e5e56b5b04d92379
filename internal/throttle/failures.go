package throttle

import (
	"context"
	"time"
)

// State is what is remembered about one key: how many failures it has
// collected since its count last started, and when the latest one was.
type State struct {
	Failures int
	Last     time.Time
}

// Store keeps failure counts. Memory serves one process (SQLite, tests);
// SQL serves every instance over one PostgreSQL database, so N instances
// do not give an attacker N times the attempts.
type Store interface {
	// Get returns key's state; an unknown key is the zero State.
	Get(ctx context.Context, key string) (State, error)
	// Fail counts one failure at now. A key whose last failure is before
	// forgetBefore starts again at one.
	Fail(ctx context.Context, key string, now, forgetBefore time.Time) (State, error)
	// Reset forgets key.
	Reset(ctx context.Context, key string) error
}

// Policy turns a failure count into a wait, so guessing slows down
// steadily instead of hitting a wall that would lock the owner out.
type Policy struct {
	// Free failures cost nothing: people mistype.
	Free int
	// Base is the wait after the first failure beyond Free; each further
	// failure doubles it.
	Base time.Duration
	// Max caps the wait.
	Max time.Duration
	// Forget is how long after its last failure a key is forgotten.
	Forget time.Duration
}

// Wait is how long key must wait at now before its next attempt counts.
func (p Policy) Wait(s State, now time.Time) time.Duration {
	if s.Failures <= p.Free || now.Sub(s.Last) >= p.Forget {
		return 0
	}
	d := p.Max
	if n := s.Failures - p.Free - 1; n < 30 {
		d = min(p.Base<<n, p.Max)
	}
	return max(s.Last.Add(d).Sub(now), 0)
}
