package password

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"

	"golang.org/x/crypto/argon2"

	"yishi/internal/apperr"
)

// Hasher hashes new passwords with its Params and verifies stored hashes
// with whatever parameters they were made with. Build it with NewHasher so
// VerifyDummy has a hash to burn time on.
type Hasher struct {
	Params
	dummy string
	gate  *Gate
}

// dummyPassword only feeds the precomputed hash behind VerifyDummy.
const dummyPassword = "yishi-dummy-password-for-timing"

// NewHasher precomputes a dummy hash with p, so that a login for an unknown
// account costs the same as a wrong password and does not reveal which
// phone numbers are registered.
func NewHasher(p Params) Hasher {
	h := Hasher{Params: p}
	// An error here means p is invalid; Hash will report it to callers,
	// and VerifyDummy then falls back to hashing with p directly.
	h.dummy, _ = h.Hash(dummyPassword)
	return h
}

// WithGate returns h computing under g, so that concurrent hashes are
// bounded; copies of the result share g.
func (h Hasher) WithGate(g *Gate) Hasher {
	h.gate = g
	return h
}

// Hash returns a PHC string with a fresh random salt. It fails with
// ErrBusy when the gate stays full.
func (h Hasher) Hash(pw string) (string, error) {
	if err := checkParams(h.Params); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	if err := h.gate.enter(); err != nil {
		return "", err
	}
	defer h.gate.leave(h.Memory)
	salt := make([]byte, h.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, h.Time, h.Memory, h.Threads, h.KeyLen)
	return encodePHC(h.Params, salt, key), nil
}

// Verify reports whether pw matches encoded. A mismatch is (false, nil);
// an error means the stored hash itself is unusable, or ErrBusy.
func (h Hasher) Verify(encoded, pw string) (bool, error) {
	p, salt, want, err := decodePHC(encoded)
	if err != nil {
		return false, fmt.Errorf("verify password: %w", err)
	}
	if err := h.gate.enter(); err != nil {
		return false, err
	}
	defer h.gate.leave(p.Memory)
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// VerifyDummy does the work of one Verify and discards the result. Call it
// when the account does not exist so the response time matches a wrong
// password. Its only error is ErrBusy: an unknown phone is as subject to
// the gate as a known one.
func (h Hasher) VerifyDummy(pw string) error {
	if h.dummy == "" {
		if err := h.gate.enter(); err != nil {
			return err
		}
		defer h.gate.leave(h.Memory)
		salt := make([]byte, max(h.SaltLen, minSaltLen))
		argon2.IDKey([]byte(pw), salt, max(h.Time, 1), h.Memory, max(h.Threads, 1), h.KeyLen)
		return nil
	}
	if _, err := h.Verify(h.dummy, pw); err != nil {
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindUnavailable {
			return err
		}
	}
	return nil
}

// NeedsRehash reports whether encoded was made with parameters other than
// h's, so a successful login can upgrade the stored hash.
func (h Hasher) NeedsRehash(encoded string) bool {
	p, _, _, err := decodePHC(encoded)
	return err != nil || p != h.Params
}
