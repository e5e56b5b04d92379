package sms

import (
	"context"
	"log/slog"
)

// Log writes each code to the server log instead of sending it: for local
// use and demonstrations, never for production (anyone who reads the log
// can take over accounts). serve warns at start-up when it is chosen.
type Log struct{ Logger *slog.Logger }

// Send logs m at warn level so it shows with the default log level.
func (l Log) Send(ctx context.Context, m Message) error {
	l.Logger.WarnContext(ctx, "sms code (YISHI_SMS_SENDER=log, not for production)",
		"phone", m.Phone, "purpose", m.Purpose, "code", m.Code, "expires_at", m.ExpiresAt)
	return nil
}
