package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"yishi/internal/webhooks"
)

// received is one request a test receiver got.
type received struct {
	ID, Timestamp, Signature string
	Body                     []byte
}

// receiver is a local webhook endpoint; fail makes it answer 500 to the
// next n requests.
type receiver struct {
	*httptest.Server
	mu   sync.Mutex
	got  []received
	fail int
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, received{ID: req.Header.Get("webhook-id"), Timestamp: req.Header.Get("webhook-timestamp"),
			Signature: req.Header.Get("webhook-signature"), Body: body})
		if r.fail > 0 {
			r.fail--
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) received() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

// failNext makes the receiver answer 500 n times.
func (r *receiver) failNext(n int) {
	r.mu.Lock()
	r.fail = n
	r.mu.Unlock()
}

// dispatcher is a fast dispatcher on w's database.
func (w *world) dispatcher() *webhooks.Dispatcher {
	return &webhooks.Dispatcher{Store: webhooks.Store{Client: w.st.Client, Dialect: w.st.Dialect},
		Guard: webhooks.Guard{AllowPrivate: true}, Timeout: 5 * time.Second,
		Backoff: []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}}
}

// drain runs rounds until one finds nothing to do.
func drain(t *testing.T, d *webhooks.Dispatcher) {
	t.Helper()
	for i := 0; i < 50; i++ {
		n, err := d.Round(context.Background())
		if err != nil {
			t.Fatalf("round: %v", err)
		}
		if n == 0 {
			return
		}
		time.Sleep(2 * time.Millisecond) // past the test backoff
	}
	t.Fatal("the dispatcher never settled")
}

// registerWebhook registers url for events at tenant A as its admin and
// returns the webhook's id and secret.
func (w *world) registerWebhook(url string, events ...string) (int, string) {
	w.t.Helper()
	res := w.do("POST", unitPath(w.A, "/webhooks"), w.adminA.Token,
		map[string]any{"url": url, "events": events, "description": "热线"}).want(201).obj()
	return int(res["id"].(float64)), res["secret"].(string)
}

// verified decodes a received request after checking its signature.
func verified(t *testing.T, secret string, r received) map[string]any {
	t.Helper()
	ts, err := strconv.ParseInt(r.Timestamp, 10, 64)
	if err != nil || !webhooks.Verify(secret, r.ID, ts, r.Body, r.Signature) {
		t.Fatalf("signature %q of %s does not verify", r.Signature, r.ID)
	}
	var out map[string]any
	if err := json.Unmarshal(r.Body, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// webhookMatrix: every webhook route answers 404 to other tenants and
// sibling communities.
func webhookMatrix() map[string]routeCase {
	adminA := func(w *world) person { return w.adminA }
	hook := func(suffix string) func(w *world) (string, any) {
		return func(w *world) (string, any) {
			id, _ := w.registerWebhook("https://127.0.0.1/hook", "proposal.*")
			return fmt.Sprintf("/v1/webhooks/%d%s", id, suffix), nil
		}
	}
	return map[string]routeCase{
		"POST /v1/units/:id/webhooks": {owner: adminA, ok: 201, call: func(w *world) (string, any) {
			return unitPath(w.A, "/webhooks"), map[string]any{"url": "https://127.0.0.1/x", "events": []string{"*"}}
		}},
		"GET /v1/units/:id/webhooks": {owner: adminA, ok: 200, call: func(w *world) (string, any) {
			return unitPath(w.A, "/webhooks"), nil
		}},
		"GET /v1/webhooks/:id":                {owner: adminA, ok: 200, call: hook("")},
		"GET /v1/webhooks/:id/deliveries":     {owner: adminA, ok: 200, call: hook("/deliveries")},
		"POST /v1/webhooks/:id/rotate-secret": {owner: adminA, ok: 200, call: hook("/rotate-secret")},
		"DELETE /v1/webhooks/:id":             {owner: adminA, ok: 204, call: hook("")},
		"PATCH /v1/webhooks/:id": {owner: adminA, ok: 200, call: func(w *world) (string, any) {
			p, _ := hook("")(w)
			return p, map[string]any{"description": "改"}
		}},
		"POST /v1/webhooks/:id/deliveries/:delivery_id/redeliver": {owner: adminA, ok: 202, call: func(w *world) (string, any) {
			id, _ := w.registerWebhook("https://127.0.0.1/hook", "*")
			w.filedBy(w.resA1g1)
			if _, err := (webhooks.Store{Client: w.st.Client, Dialect: w.st.Dialect}).FanOut(context.Background(), time.Now()); err != nil {
				w.t.Fatal(err)
			}
			page := w.do("GET", fmt.Sprintf("/v1/webhooks/%d/deliveries", id), w.adminA.Token, nil).want(200).obj()
			d := page["items"].([]any)[0].(map[string]any)
			return fmt.Sprintf("/v1/webhooks/%d/deliveries/%d/redeliver", id, int(d["id"].(float64))), nil
		}},
	}
}
