// Package sms delivers one-time codes to phones (issue 11). The operator
// picks a Sender with YISHI_SMS_SENDER: Log writes the code to the server
// log (local use only), Webhook posts it, signed, to any SMS gateway. The
// API never waits for a delivery: Async hands each message to its own
// bounded goroutine, so neither the answer nor its timing depends on
// whether, or how slowly, a code was sent.
package sms

import (
	"context"
	"time"
)

// Message is one code to deliver.
type Message struct {
	Phone     string    `json:"phone"`
	Code      string    `json:"code"`
	Purpose   string    `json:"purpose"`
	ExpiresAt time.Time `json:"expires_at"`
}

// Sender delivers a Message. Send may block (retries); callers on the
// request path go through Async.
type Sender interface {
	Send(ctx context.Context, m Message) error
}
