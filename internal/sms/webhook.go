package sms

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Signature headers of a webhook delivery. The receiver recomputes
// HMAC-SHA256(secret, timestamp + "." + body) and refuses stale
// timestamps, so a captured request cannot be replayed later.
const (
	HeaderTimestamp = "X-Yishi-Timestamp"
	HeaderSignature = "X-Yishi-Signature"
)

// Sign is the signature header value for body sent at ts (Unix seconds).
func Sign(secret []byte, ts int64, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(strconv.FormatInt(ts, 10)))
	mac.Write([]byte("."))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Verify reports whether sig signs body sent at the timestamp header ts;
// receivers (and the tests) use it.
func Verify(secret []byte, ts string, body []byte, sig string) bool {
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	return hmac.Equal([]byte(Sign(secret, n, body)), []byte(sig))
}

// Webhook posts each Message as JSON to URL, signed with Secret. A failed
// attempt (network error or non-2xx answer) is retried after Backoff,
// doubling, up to Attempts times in all.
type Webhook struct {
	URL      string
	Secret   []byte
	Client   *http.Client
	Attempts int
	Backoff  time.Duration
	Now      func() time.Time
}

// NewWebhook returns a Webhook with production defaults: 4 attempts,
// 1 s backoff doubling, 10 s per attempt.
func NewWebhook(url string, secret []byte) *Webhook {
	return &Webhook{URL: url, Secret: secret, Client: &http.Client{Timeout: 10 * time.Second},
		Attempts: 4, Backoff: time.Second, Now: time.Now}
}

// Send delivers m, retrying with backoff; it returns the last error.
func (w *Webhook) Send(ctx context.Context, m Message) error {
	body, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("sms webhook: encode: %w", err)
	}
	wait := w.Backoff
	for attempt := 1; ; attempt++ {
		err = w.post(ctx, body)
		if err == nil || attempt >= max(w.Attempts, 1) {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("sms webhook: %w (last: %w)", ctx.Err(), err)
		case <-time.After(wait):
		}
		wait *= 2
	}
	if err != nil {
		return fmt.Errorf("sms webhook: %d attempts: %w", max(w.Attempts, 1), err)
	}
	return nil
}

// post makes one signed attempt.
func (w *Webhook) post(ctx context.Context, body []byte) error {
	ts := w.Now().Unix()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderSignature, Sign(w.Secret, ts, body))
	resp, err := w.Client.Do(req)
	if err != nil {
		return fmt.Errorf("post: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("gateway answered %d", resp.StatusCode)
	}
	return nil
}
