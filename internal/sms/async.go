package sms

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Async sends through an inner Sender in the background, at most limit
// deliveries at a time; a message that finds every slot taken is dropped
// and counted as failed (the person asks again). Send returns at once.
type Async struct {
	inner   Sender
	slots   chan struct{}
	timeout time.Duration
	logger  *slog.Logger
	sent    prometheus.Counter
	failed  prometheus.Counter
}

// NewAsync wraps inner. Its counters, yishi_sms_sent_total and
// yishi_sms_failed_total, are registered on reg when reg is not nil.
func NewAsync(inner Sender, limit int, timeout time.Duration, logger *slog.Logger, reg prometheus.Registerer) *Async {
	a := &Async{inner: inner, slots: make(chan struct{}, max(limit, 1)), timeout: timeout, logger: logger,
		sent:   prometheus.NewCounter(prometheus.CounterOpts{Name: "yishi_sms_sent_total", Help: "One-time codes delivered to the SMS sender."}),
		failed: prometheus.NewCounter(prometheus.CounterOpts{Name: "yishi_sms_failed_total", Help: "One-time codes the SMS sender failed to deliver (after retries) or dropped."}),
	}
	if reg != nil {
		reg.MustRegister(a.sent, a.failed)
	}
	return a
}

// Send starts delivering m and returns nil at once. The delivery outlives
// the request (its context is detached) but is bounded by the timeout.
func (a *Async) Send(ctx context.Context, m Message) error {
	select {
	case a.slots <- struct{}{}:
	default:
		a.failed.Inc()
		a.logger.ErrorContext(ctx, "sms delivery dropped: every slot busy", "purpose", m.Purpose)
		return nil
	}
	bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.timeout)
	go func() {
		defer func() { <-a.slots; cancel() }()
		if err := a.inner.Send(bg, m); err != nil {
			a.failed.Inc()
			a.logger.ErrorContext(bg, "sms delivery failed", "purpose", m.Purpose, "err", err)
			return
		}
		a.sent.Inc()
	}()
	return nil
}
