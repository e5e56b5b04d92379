package sms

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Settings choose and configure the sender (YISHI_SMS_*).
type Settings struct {
	Sender        string // "log" or "webhook"
	WebhookURL    string
	WebhookSecret string
}

// FromSettings builds the configured sender wrapped in Async, so callers
// never wait for a delivery. It warns on logger when codes go to the log.
func FromSettings(s Settings, logger *slog.Logger, reg prometheus.Registerer) (*Async, error) {
	var inner Sender
	switch s.Sender {
	case "", "log":
		logger.Warn("YISHI_SMS_SENDER=log: one-time codes are written to the server log; not for production")
		inner = Log{Logger: logger}
	case "webhook":
		if s.WebhookURL == "" || s.WebhookSecret == "" {
			return nil, fmt.Errorf("sms: the webhook sender needs YISHI_SMS_WEBHOOK_URL and YISHI_SMS_WEBHOOK_SECRET")
		}
		inner = NewWebhook(s.WebhookURL, []byte(s.WebhookSecret))
	default:
		return nil, fmt.Errorf("sms: unknown sender %q (log or webhook)", s.Sender)
	}
	return NewAsync(inner, 64, time.Minute, logger, reg), nil
}
