package handlers_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"yishi/ent"
	"yishi/handlers"
	"yishi/internal/store"
	"yishi/internal/viewer"
	"yishi/internal/webhooks"
)

// TestWebhookDeliversSignedEventsInOrder: a proposal filed and submitted
// reaches the endpoint as proposal.create then proposal.submit, signed
// with the secret shown at registration, in the Standard Webhooks shape;
// an endpoint subscribed to other events gets nothing.
func TestWebhookDeliversSignedEventsInOrder(t *testing.T) {
	w := newWorld(t)
	rcv, other := newReceiver(t), newReceiver(t)
	id, secret := w.registerWebhook(rcv.URL, "proposal.*")
	w.registerWebhook(other.URL, "vote.closed")
	if !strings.HasPrefix(secret, "whsec_") {
		t.Fatalf("secret %q is not whsec_", secret)
	}
	if got := w.do("GET", fmt.Sprintf("/v1/webhooks/%d", id), w.adminA.Token, nil).want(200).obj(); got["secret"] != nil {
		t.Fatalf("read shows the secret: %v", got)
	}
	w.filedBy(w.resA1g1)
	drain(t, w.dispatcher())
	got := rcv.received()
	if len(got) != 2 {
		t.Fatalf("received %d requests, want 2", len(got))
	}
	var types []string
	for _, r := range got {
		body := verified(t, secret, r)
		types = append(types, body["type"].(string))
		if body["timestamp"] == nil || body["data"] == nil {
			t.Fatalf("body lacks timestamp or data: %s", r.Body)
		}
	}
	if strings.Join(types, ",") != "proposal.create,proposal.submit" {
		t.Fatalf("types %v", types)
	}
	if len(other.received()) != 0 {
		t.Fatalf("an endpoint subscribed to vote.closed got %d requests", len(other.received()))
	}
	log := w.do("GET", fmt.Sprintf("/v1/webhooks/%d/deliveries", id), w.adminA.Token, nil).want(200).obj()
	items := log["items"].([]any)
	first := items[0].(map[string]any)
	if len(items) != 2 || first["status"] != "succeeded" || first["response_code"] != float64(204) || first["attempts"] != float64(1) {
		t.Fatalf("delivery log %v", items)
	}
}

// TestWebhookRetriesWithTheSameID: a receiver failing twice gets the event
// a third time with the same webhook-id, and the log counts three attempts;
// redelivery sends it again with that id too.
func TestWebhookRetriesWithTheSameID(t *testing.T) {
	w := newWorld(t)
	rcv := newReceiver(t)
	id, secret := w.registerWebhook(rcv.URL, "proposal.create")
	rcv.failNext(2)
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	drain(t, w.dispatcher())
	got := rcv.received()
	if len(got) != 3 || got[0].ID != got[1].ID || got[1].ID != got[2].ID {
		t.Fatalf("received %d requests %v, want 3 with one id", len(got), got)
	}
	verified(t, secret, got[2])
	d := w.do("GET", fmt.Sprintf("/v1/webhooks/%d/deliveries", id), w.adminA.Token, nil).want(200).obj()["items"].([]any)[0].(map[string]any)
	if d["status"] != "succeeded" || d["attempts"] != float64(3) {
		t.Fatalf("delivery %v", d)
	}
	w.do("POST", fmt.Sprintf("/v1/webhooks/%d/deliveries/%d/redeliver", id, int(d["id"].(float64))), w.adminA.Token, nil).want(202)
	drain(t, w.dispatcher())
	if got := rcv.received(); len(got) != 4 || got[3].ID != got[0].ID {
		t.Fatalf("redelivery: %d requests", len(got))
	}
	w.do("POST", fmt.Sprintf("/v1/webhooks/%d/deliveries/%d/redeliver", id, 999999), w.adminA.Token, nil).want(404)
}

// TestWebhookGivesUpAndDisablesFailingEndpoint: after the last backoff a
// delivery is failed; an endpoint failing longer than DisableAfter is
// disabled and the disabling is in the tenant's audit log.
func TestWebhookGivesUpAndDisablesFailingEndpoint(t *testing.T) {
	w := newWorld(t)
	rcv := newReceiver(t)
	id, _ := w.registerWebhook(rcv.URL, "*")
	rcv.failNext(1000)
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	d := w.dispatcher()
	d.DisableAfter = time.Nanosecond
	drain(t, d)
	hook := w.do("GET", fmt.Sprintf("/v1/webhooks/%d", id), w.adminA.Token, nil).want(200).obj()
	if hook["enabled"] != false || hook["disabled_at"] == nil {
		t.Fatalf("endpoint still enabled: %v", hook)
	}
	audit := w.do("GET", unitPath(w.A, "/audit-log"), w.adminA.Token, nil).want(200).Body.String()
	if !strings.Contains(audit, "webhook.disabled") {
		t.Fatalf("audit log lacks webhook.disabled: %s", audit)
	}
	w.do("PATCH", fmt.Sprintf("/v1/webhooks/%d", id), w.adminA.Token, map[string]any{"disabled": false}).want(200)
}

// TestWebhookRolledBackChangeIsNeverSent: an event row written in a
// transaction that rolls back leaves nothing in the outbox.
func TestWebhookRolledBackChangeIsNeverSent(t *testing.T) {
	w := newWorld(t)
	rcv := newReceiver(t)
	w.registerWebhook(rcv.URL, "*")
	pid := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	drain(t, w.dispatcher())
	before := len(rcv.received())
	sys := viewer.SystemContext(context.Background())
	boom := errors.New("roll back")
	err := store.WithTx(sys, w.st.Client, func(tx *ent.Tx) error {
		if err := tx.ProposalEvent.Create().SetProposalID(pid).SetActor("system").SetAction("comment").
			SetToStatus("draft").Exec(sys); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("tx: %v", err)
	}
	drain(t, w.dispatcher())
	if got := len(rcv.received()); got != before {
		t.Fatalf("a rolled-back event was sent: %d requests, want %d", got, before)
	}
}

// TestWebhookTwoDispatchersDeliverOnce: two dispatchers racing over the
// same queue (on PostgreSQL, FOR UPDATE SKIP LOCKED) deliver each event
// exactly once, in order.
func TestWebhookTwoDispatchersDeliverOnce(t *testing.T) {
	w := newWorld(t)
	rcv := newReceiver(t)
	w.registerWebhook(rcv.URL, "proposal.create")
	const n = 8
	for i := 0; i < n; i++ {
		w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		d := w.dispatcher()
		wg.Go(func() {
			for j := 0; j < 4*n; j++ {
				if _, err := d.Round(context.Background()); err != nil && !isBusy(err) {
					t.Errorf("round: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
	drain(t, w.dispatcher())
	got := rcv.received()
	if len(got) != n {
		t.Fatalf("received %d requests, want %d", len(got), n)
	}
	for i := 1; i < len(got); i++ {
		if got[i].ID <= got[i-1].ID && len(got[i].ID) == len(got[i-1].ID) {
			t.Fatalf("out of order or duplicate: %s after %s", got[i].ID, got[i-1].ID)
		}
	}
}

// isBusy is SQLite's writer lock met by the second dispatcher.
func isBusy(err error) bool {
	return strings.Contains(err.Error(), "busy") || strings.Contains(err.Error(), "locked")
}

// TestWebhookSSRFTargetsRefused: without YISHI_WEBHOOK_ALLOW_PRIVATE,
// http, loopback, private, link-local and metadata targets are refused at
// registration, and at delivery the dialer refuses a private address.
func TestWebhookSSRFTargetsRefused(t *testing.T) {
	w := newWorld(t)
	d := w.deps
	d.Config.WebhookAllowPrivate = false
	d.Registry = prometheus.NewRegistry()
	r, err := handlers.NewRouter(d)
	if err != nil {
		t.Fatal(err)
	}
	strict := &api{t: t, st: w.st, deps: d, router: r}
	for _, url := range []string{"http://example.com/x", "https://127.0.0.1/x", "https://10.1.2.3/x", "https://192.168.1.1/x",
		"https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://[fe80::1]/x", "https://0.0.0.0/x",
		"https://localhost/x", "ftp://example.com/x", "not a url"} {
		res := strict.do("POST", unitPath(w.A, "/webhooks"), w.adminA.Token, map[string]any{"url": url, "events": []string{"*"}})
		if res.Code != http.StatusBadRequest || !strings.Contains(res.Body.String(), `"url"`) {
			t.Fatalf("%s: %d %s", url, res.Code, res.Body.String())
		}
	}
	// Registered while private targets were allowed, refused at dial time.
	rcv := newReceiver(t)
	w.registerWebhook(rcv.URL, "*")
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	disp := w.dispatcher()
	disp.Guard = webhooks.Guard{AllowHTTP: true}
	if _, err := disp.Round(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := len(rcv.received()); got != 0 {
		t.Fatalf("the dialer reached a loopback receiver %d times", got)
	}
}

// TestWebhookInputAndTenantRoot: bad bodies are 400 naming the field; a
// webhook is registered at the tenant root only; residents and leads may
// not manage webhooks.
func TestWebhookInputAndTenantRoot(t *testing.T) {
	w := newWorld(t)
	for _, body := range []map[string]any{
		{"url": "https://127.0.0.1/x", "events": []string{}},
		{"url": "https://127.0.0.1/x", "events": []string{"secrets.read"}},
		{"url": "", "events": []string{"*"}},
		{"url": "https://127.0.0.1/x", "events": []string{"*"}, "description": strings.Repeat("长", 501)},
		{"url": "https://127.0.0.1/x", "events": []string{"*"}, "secret": "mine"},
	} {
		w.do("POST", unitPath(w.A, "/webhooks"), w.adminA.Token, body).want(400)
	}
	w.do("POST", unitPath(w.A1, "/webhooks"), w.adminA.Token, map[string]any{"url": "https://127.0.0.1/x", "events": []string{"*"}}).want(422)
	w.do("POST", unitPath(w.A1, "/webhooks"), w.leadA1.Token, map[string]any{"url": "https://127.0.0.1/x", "events": []string{"*"}}).want(403)
	id, secret := w.registerWebhook("https://127.0.0.1/x", "task.*")
	w.do("GET", fmt.Sprintf("/v1/webhooks/%d", id), w.leadA1.Token, nil).want(404)
	w.do("PATCH", fmt.Sprintf("/v1/webhooks/%d", id), w.adminA.Token, map[string]any{"events": []string{"nope"}}).want(400)
	rot := w.do("POST", fmt.Sprintf("/v1/webhooks/%d/rotate-secret", id), w.adminA.Token, nil).want(200).obj()
	if rot["secret"] == secret || !strings.HasPrefix(rot["secret"].(string), "whsec_") {
		t.Fatalf("rotation kept or mangled the secret: %v", rot["secret"])
	}
	w.do("DELETE", fmt.Sprintf("/v1/webhooks/%d", id), w.adminA.Token, nil).want(204)
	w.do("GET", fmt.Sprintf("/v1/webhooks/%d", id), w.adminA.Token, nil).want(404)
}

// TestWebhookSweptEventCannotBeRedelivered: once the outbox has swept an
// event, its redelivery is 409 webhook_delivery.event_expired.
func TestWebhookSweptEventCannotBeRedelivered(t *testing.T) {
	w := newWorld(t)
	rcv := newReceiver(t)
	id, _ := w.registerWebhook(rcv.URL, "proposal.create")
	w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	d := w.dispatcher()
	drain(t, d)
	if n, err := d.Store.Sweep(context.Background(), time.Now().Add(time.Hour)); err != nil || n == 0 {
		t.Fatalf("sweep: %d %v", n, err)
	}
	item := w.do("GET", fmt.Sprintf("/v1/webhooks/%d/deliveries", id), w.adminA.Token, nil).want(200).obj()["items"].([]any)[0].(map[string]any)
	p := w.do("POST", fmt.Sprintf("/v1/webhooks/%d/deliveries/%d/redeliver", id, int(item["id"].(float64))), w.adminA.Token, nil).want(409).obj()
	if p["code"] != "webhook_delivery.event_expired" {
		t.Fatalf("redeliver: %v", p)
	}
}
