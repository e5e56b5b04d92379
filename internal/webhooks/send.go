package webhooks

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Job is one claimed delivery with what sending it needs.
type Job struct {
	DeliveryID int
	WebhookID  int
	MessageID  string
	URL        string
	Secret     string
	Type       string
	Timestamp  time.Time
	Data       json.RawMessage
	Attempts   int
}

// Result is the outcome of one attempt.
type Result struct {
	OK       bool
	Code     int
	Duration time.Duration
	Err      string
	At       time.Time
}

// payload is the JSON body of a delivery (Standard Webhooks).
type payload struct {
	Type      string          `json:"type"`
	Timestamp time.Time       `json:"timestamp"`
	Data      json.RawMessage `json:"data"`
}

// attempt POSTs the job once; a 2xx answer is success, anything else
// (another status, a refused address, a timeout) is a failure.
func (d *Dispatcher) attempt(ctx context.Context, j Job) Result {
	start := d.now()
	res := Result{At: start}
	body, err := json.Marshal(payload{Type: j.Type, Timestamp: j.Timestamp.UTC(), Data: j.Data})
	if err != nil {
		res.Err = "encode: " + err.Error()
		return res
	}
	ts := start.Unix()
	sig, err := Sign(j.Secret, j.MessageID, ts, body)
	if err != nil {
		res.Err = err.Error()
		return res
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, j.URL, bytes.NewReader(body))
	if err != nil {
		res.Err = "request: " + err.Error()
		return res
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Yishi-Webhooks/1")
	req.Header.Set("webhook-id", j.MessageID)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("webhook-signature", sig)
	if msg := d.Guard.schemeProblem(j.URL); msg != "" {
		res.Err = msg
		return res
	}
	resp, err := d.client.Do(req)
	res.Duration = time.Since(start)
	if err != nil {
		res.Err = truncate(err.Error(), 500)
		return res
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	res.Code = resp.StatusCode
	res.OK = resp.StatusCode >= 200 && resp.StatusCode < 300
	if !res.OK {
		res.Err = "answered " + resp.Status
	}
	return res
}

// truncate cuts s to at most n bytes.
func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
