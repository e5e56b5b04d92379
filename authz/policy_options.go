package authz

import "time"

// defaultPollInterval bounds how stale an instance can be when a NOTIFY is
// lost (NOTIFY has no replay) or on SQLite, which has none.
const defaultPollInterval = 250 * time.Millisecond

// policyConfig holds the tunables set by PolicyOption.
type policyConfig struct {
	postgresURL  string
	pollInterval time.Duration
	cacheSize    int
	now          func() time.Time
}

// PolicyOption tunes NewPolicy; the defaults suit production.
type PolicyOption func(*policyConfig)

// WithPostgresURL lets Watch hold a dedicated pgx connection that LISTENs
// for policy changes, so other instances see them in milliseconds rather
// than at the next poll. Without it Watch only polls.
func WithPostgresURL(url string) PolicyOption {
	return func(c *policyConfig) { c.postgresURL = url }
}

// WithPollInterval changes how often Watch polls the policy version; tests
// use a long interval to prove that LISTEN alone propagates changes.
func WithPollInterval(d time.Duration) PolicyOption {
	return func(c *policyConfig) {
		if d > 0 {
			c.pollInterval = d
		}
	}
}

// WithDecisionCache bounds the decision cache to size entries; size <= 0
// disables it, which benchmarks use to measure pure casbin.
func WithDecisionCache(size int) PolicyOption {
	return func(c *policyConfig) { c.cacheSize = size }
}

// WithClock replaces the clock that stamps revocations, so tests can pin
// timestamps.
func WithClock(now func() time.Time) PolicyOption {
	return func(c *policyConfig) {
		if now != nil {
			c.now = now
		}
	}
}
