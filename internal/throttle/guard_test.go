package throttle

import (
	"context"
	"testing"
	"time"
)

func testGuard(c *fakeClock) *Guard {
	p := func(free int) Policy {
		return Policy{Free: free, Base: time.Second, Max: time.Minute, Forget: time.Hour}
	}
	return NewGuard(NewMemory(100), Policies{Address: p(30), Pair: p(3), Phone: p(5), Register: p(100)}, c.now)
}

func TestPolicyWaitDoublesUpToMax(t *testing.T) {
	c := newClock()
	p := Policy{Free: 2, Base: time.Second, Max: 10 * time.Second, Forget: time.Hour}
	for failures, want := range map[int]time.Duration{0: 0, 2: 0, 3: time.Second, 4: 2 * time.Second, 5: 4 * time.Second, 6: 8 * time.Second, 7: 10 * time.Second, 90: 10 * time.Second} {
		if got := p.Wait(State{Failures: failures, Last: c.now()}, c.now()); got != want {
			t.Errorf("Wait(%d failures) = %v, want %v", failures, got, want)
		}
	}
	if got := p.Wait(State{Failures: 9, Last: c.now()}, c.now().Add(time.Hour)); got != 0 {
		t.Errorf("forgotten key waits %v", got)
	}
}

func TestGuardSuccessesAreNotCounted(t *testing.T) {
	c := newClock()
	g := testGuard(c)
	ctx := context.Background()
	for range 500 {
		if w, err := g.CheckAddress(ctx, "10.0.0.1"); w != 0 || err != nil {
			t.Fatalf("CheckAddress = %v, %v", w, err)
		}
		if err := g.LoginSucceeded(ctx, "13900000001", "10.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGuardPhoneFailuresDoNotLockOtherAddresses(t *testing.T) {
	c := newClock()
	g := testGuard(c)
	ctx := context.Background()
	const phone = "13900000001"
	var last time.Duration
	for i := range 50 {
		w, err := g.CheckLogin(ctx, phone, "198.51.100.9")
		if err != nil {
			t.Fatal(err)
		}
		if w < last && i > 0 {
			t.Fatalf("attempt %d: wait %v fell below %v", i, w, last)
		}
		last = w
		c.advance(w)
		if err := g.LoginFailed(ctx, phone, "198.51.100.9"); err != nil {
			t.Fatal(err)
		}
	}
	if last == 0 {
		t.Fatal("50 failures never slowed the attacker")
	}
	if w, _ := g.CheckLogin(ctx, phone, "203.0.113.5"); w != 0 {
		t.Fatalf("owner's fresh address waits %v", w)
	}
	// A second attacker address gets one guess, then the phone-wide count
	// applies to it.
	_ = g.LoginFailed(ctx, phone, "192.0.2.77")
	if w, _ := g.CheckLogin(ctx, phone, "192.0.2.77"); w == 0 {
		t.Fatal("phone-wide failures do not slow an address that failed for the phone")
	}
}

func TestMemoryFailForgetsOldCount(t *testing.T) {
	c := newClock()
	m := NewMemory(10)
	ctx := context.Background()
	_, _ = m.Fail(ctx, "k", c.now(), c.now().Add(-time.Hour))
	_, _ = m.Fail(ctx, "k", c.now(), c.now().Add(-time.Hour))
	c.advance(2 * time.Hour)
	st, _ := m.Fail(ctx, "k", c.now(), c.now().Add(-time.Hour))
	if st.Failures != 1 {
		t.Fatalf("failures = %d after the forget period, want 1", st.Failures)
	}
}
