// Package password hashes and verifies user passwords with argon2id and
// stores them as PHC strings, so parameters can be raised later without
// invalidating existing hashes.
package password

// Params are the argon2id cost parameters. They are written into every
// hash, so changing them affects new hashes only and old ones still verify.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes over memory
	Threads uint8  // lanes
	KeyLen  uint32 // bytes of derived key
	SaltLen uint32 // bytes of random salt
}

// DefaultParams are the production costs: 64 MiB, 3 passes, 2 lanes, the
// second recommendation of RFC 9106 adapted to a 2-core host. A login then
// costs tens of milliseconds of CPU, which the login throttle bounds.
func DefaultParams() Params {
	return Params{Memory: 64 * 1024, Time: 3, Threads: 2, KeyLen: 32, SaltLen: 16}
}

// TestParams are deliberately cheap so that suites creating many users run
// fast. Never use them in production.
func TestParams() Params {
	return Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
}

// Limits on parameters read back from a stored hash. A corrupted or
// hostile row must not make one Verify allocate gigabytes.
const (
	maxMemory  = 1 << 20 // 1 GiB in KiB
	maxTime    = 16
	maxKeyLen  = 128
	minSaltLen = 8
)
