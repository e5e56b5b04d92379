package webhooks

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// Dispatcher fans the outbox out to subscribed endpoints and delivers.
// Several instances may run at once: on PostgreSQL each claim is a
// FOR UPDATE SKIP LOCKED select that leases the claimed deliveries, so an
// event reaches an endpoint once per attempt, and only the oldest pending
// delivery of an endpoint is ever claimed, so an endpoint receives its
// events in order.
type Dispatcher struct {
	Store Store
	Guard Guard
	// Poll is the pause between rounds when there was nothing to do.
	Poll time.Duration
	// Timeout bounds one HTTP attempt.
	Timeout time.Duration
	// Backoff is the wait after each failed attempt; a delivery failing
	// once more than len(Backoff) times is given up (status failed).
	Backoff []time.Duration
	// DisableAfter disables an endpoint whose deliveries have failed
	// without a success for this long.
	DisableAfter time.Duration
	// Now is the clock; nil is time.Now in UTC.
	Now    func() time.Time
	Logger *slog.Logger

	once   sync.Once
	client *http.Client
}

// DefaultBackoff retries within a minute, then backs off exponentially
// over about a day (23.6 hours in all, ten attempts).
func DefaultBackoff() []time.Duration {
	return []time.Duration{30 * time.Second, 2 * time.Minute, 10 * time.Minute, 30 * time.Minute,
		time.Hour, 2 * time.Hour, 4 * time.Hour, 8 * time.Hour, 8 * time.Hour}
}

// Defaults for a Dispatcher's zero fields.
const (
	DefaultPoll         = time.Second
	DefaultTimeout      = 10 * time.Second
	DefaultDisableAfter = 72 * time.Hour
	claimBatch          = 16
)

func (d *Dispatcher) now() time.Time {
	if d.Now != nil {
		return d.Now().UTC()
	}
	return time.Now().UTC()
}

func (d *Dispatcher) init() {
	d.once.Do(func() {
		if d.Poll <= 0 {
			d.Poll = DefaultPoll
		}
		if d.Timeout <= 0 {
			d.Timeout = DefaultTimeout
		}
		if d.Backoff == nil {
			d.Backoff = DefaultBackoff()
		}
		if d.DisableAfter <= 0 {
			d.DisableAfter = DefaultDisableAfter
		}
		if d.Logger == nil {
			d.Logger = slog.Default()
		}
		dialer := &net.Dialer{Timeout: d.Timeout, Control: d.Guard.control}
		tr := &http.Transport{DialContext: dialer.DialContext, Proxy: nil, MaxIdleConnsPerHost: 2,
			TLSHandshakeTimeout: d.Timeout, ResponseHeaderTimeout: d.Timeout, IdleConnTimeout: time.Minute}
		d.client = &http.Client{Transport: tr, Timeout: d.Timeout,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	})
}

// Run delivers until ctx ends: a round right away, then one every Poll,
// and at once again after a round that found work.
func (d *Dispatcher) Run(ctx context.Context) {
	d.init()
	for {
		n, err := d.Round(ctx)
		if err != nil && ctx.Err() == nil {
			d.Logger.WarnContext(ctx, "webhook round failed", "err", err)
		}
		wait := d.Poll
		if n > 0 && err == nil {
			wait = 0
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// Round fans out the new events and makes every due attempt once; it
// returns how many events and attempts it handled.
func (d *Dispatcher) Round(ctx context.Context) (int, error) {
	d.init()
	fanned, err := d.Store.FanOut(ctx, d.now())
	if err != nil {
		return 0, err
	}
	claimed, err := d.Store.Claim(ctx, d.now(), d.Timeout*2+5*time.Second, claimBatch)
	if err != nil {
		return fanned, err
	}
	var wg sync.WaitGroup
	for _, job := range claimed {
		wg.Go(func() {
			res := d.attempt(ctx, job)
			if err := d.Store.Settle(ctx, job, res, d.Backoff, d.DisableAfter); err != nil {
				d.Logger.WarnContext(ctx, "webhook settle failed", "delivery", job.DeliveryID, "err", err)
			}
		})
	}
	wg.Wait()
	return fanned + len(claimed), nil
}
