package throttle

import (
	"context"
	"fmt"
	"time"
)

// Policies are the Guard's rules, one per kind of key.
type Policies struct {
	// Address counts failed sign-ins from one client address across all
	// phones. Successes are not counted, so a crowd behind one Wi-Fi
	// address signs in freely.
	Address Policy
	// Pair counts failures for one phone from one address.
	Pair Policy
	// Phone counts failures for one phone from every address. It slows
	// only addresses that have already failed for that phone, so someone
	// who knows a secretary's phone cannot lock the secretary out.
	Phone Policy
	// Register counts registrations from one address, successful or not:
	// each costs a password hash and creates an account.
	Register Policy
	// CodePhone counts one-time codes requested for one phone, from any
	// address: each costs an SMS, and a flood would pester the owner.
	CodePhone Policy
	// CodeAddress counts one-time codes requested from one address, so
	// one client cannot spray codes over many phones.
	CodeAddress Policy
}

// DefaultPolicies are the production rules: generous to people who
// mistype, steadily slower for guessers (doubling up to 15 minutes).
func DefaultPolicies() Policies {
	p := func(free int) Policy {
		return Policy{Free: free, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour}
	}
	code := func(free int, base time.Duration) Policy {
		return Policy{Free: free, Base: base, Max: time.Hour, Forget: time.Hour}
	}
	return Policies{Address: p(30), Pair: p(5), Phone: p(10), Register: p(100),
		CodePhone: code(3, time.Minute), CodeAddress: code(30, 10*time.Second)}
}

// Guard decides whether an unauthenticated attempt may proceed and
// records its outcome. Its Store is shared by every instance on
// PostgreSQL.
type Guard struct {
	store Store
	rules Policies
	now   func() time.Time
}

// NewGuard returns a Guard over store. now is injected so tests control
// the clock; pass time.Now in production.
func NewGuard(store Store, rules Policies, now func() time.Time) *Guard {
	return &Guard{store: store, rules: rules, now: now}
}

func addrKey(addr string) string        { return "addr:" + addr }
func phoneKey(phone string) string      { return "phone:" + phone }
func pairKey(phone, addr string) string { return "pair:" + phone + "|" + addr }
func registerKey(addr string) string    { return "register:" + addr }
func codePhoneKey(phone string) string  { return "code-phone:" + phone }
func codeAddrKey(addr string) string    { return "code-addr:" + addr }

// CheckAddress returns how long addr must wait before any unauthenticated
// attempt; it runs before the body is read, so a throttled address costs
// neither decoding nor hashing.
func (g *Guard) CheckAddress(ctx context.Context, addr string) (time.Duration, error) {
	return g.wait(ctx, addrKey(addr), g.rules.Address)
}

// CheckRegister is CheckAddress for registration, which also counts
// successful registrations from addr.
func (g *Guard) CheckRegister(ctx context.Context, addr string) (time.Duration, error) {
	w1, err := g.CheckAddress(ctx, addr)
	if err != nil {
		return 0, err
	}
	w2, err := g.wait(ctx, registerKey(addr), g.rules.Register)
	return max(w1, w2), err
}

// CheckLogin returns how long a sign-in for phone from addr must wait. The
// phone-wide count applies only when this address has itself failed for
// phone: the right password from an address that has not failed is never
// refused.
func (g *Guard) CheckLogin(ctx context.Context, phone, addr string) (time.Duration, error) {
	now := g.now()
	pair, err := g.store.Get(ctx, pairKey(phone, addr))
	if err != nil {
		return 0, fmt.Errorf("throttle: check login: %w", err)
	}
	wait := g.rules.Pair.Wait(pair, now)
	if pair.Failures == 0 || now.Sub(pair.Last) >= g.rules.Pair.Forget {
		return wait, nil
	}
	ph, err := g.store.Get(ctx, phoneKey(phone))
	if err != nil {
		return 0, fmt.Errorf("throttle: check login: %w", err)
	}
	return max(wait, g.rules.Phone.Wait(ph, now)), nil
}

// LoginFailed records a wrong password (or unknown phone) for phone from
// addr against the address, the phone and the pair.
func (g *Guard) LoginFailed(ctx context.Context, phone, addr string) error {
	if err := g.AddressFailed(ctx, addr); err != nil {
		return err
	}
	if err := g.fail(ctx, phoneKey(phone), g.rules.Phone); err != nil {
		return err
	}
	return g.fail(ctx, pairKey(phone, addr), g.rules.Pair)
}

// LoginSucceeded forgets the pair's failures so an owner who once mistyped
// starts afresh. The phone-wide count stays: the owner signing in must not
// reset an attacker's slowdown elsewhere.
func (g *Guard) LoginSucceeded(ctx context.Context, phone, addr string) error {
	if err := g.store.Reset(ctx, pairKey(phone, addr)); err != nil {
		return fmt.Errorf("throttle: reset: %w", err)
	}
	return nil
}

// AddressFailed records a failed unauthenticated attempt from addr (a bad
// refresh token or client secret).
func (g *Guard) AddressFailed(ctx context.Context, addr string) error {
	return g.fail(ctx, addrKey(addr), g.rules.Address)
}

// Registered records one registration attempt from addr.
func (g *Guard) Registered(ctx context.Context, addr string) error {
	return g.fail(ctx, registerKey(addr), g.rules.Register)
}

// CheckCode returns how long a code request for phone from addr must
// wait: the longer of the phone's and the address's waits. Known and
// unknown phones are counted alike.
func (g *Guard) CheckCode(ctx context.Context, phone, addr string) (time.Duration, error) {
	w1, err := g.wait(ctx, codeAddrKey(addr), g.rules.CodeAddress)
	if err != nil {
		return 0, err
	}
	w2, err := g.wait(ctx, codePhoneKey(phone), g.rules.CodePhone)
	return max(w1, w2), err
}

// CodeRequested records one code request for phone from addr.
func (g *Guard) CodeRequested(ctx context.Context, phone, addr string) error {
	if err := g.fail(ctx, codeAddrKey(addr), g.rules.CodeAddress); err != nil {
		return err
	}
	return g.fail(ctx, codePhoneKey(phone), g.rules.CodePhone)
}

func (g *Guard) wait(ctx context.Context, key string, p Policy) (time.Duration, error) {
	s, err := g.store.Get(ctx, key)
	if err != nil {
		return 0, fmt.Errorf("throttle: check %s: %w", key, err)
	}
	return p.Wait(s, g.now()), nil
}

func (g *Guard) fail(ctx context.Context, key string, p Policy) error {
	now := g.now()
	if _, err := g.store.Fail(ctx, key, now, now.Add(-p.Forget)); err != nil {
		return fmt.Errorf("throttle: record %s: %w", key, err)
	}
	return nil
}
