package handlers_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"yishi/authz"
	"yishi/ent/idempotencykey"
	"yishi/ent/unit"
	"yishi/internal/viewer"
)

// keyed is the Idempotency-Key header map the tests send.
func keyed(key string) map[string]string { return map[string]string{"Idempotency-Key": key} }

// unitsWithCode counts units by code across every tenant.
func (a *api) unitsWithCode(code string) int {
	a.t.Helper()
	n, err := a.st.Client.Unit.Query().Where(unit.CodeEQ(code)).Count(viewer.SystemContext(context.Background()))
	if err != nil {
		a.t.Fatal(err)
	}
	return n
}

func (r response) replayed() bool { return r.Header().Get("Idempotent-Replayed") == "true" }

func TestIdempotencyRetryReplaysTheFirstAnswer(t *testing.T) {
	w := newWorld(t)
	path, body := unitPath(w.A, "/children"), map[string]string{"name": "重试社区", "code": "retry"}
	first := w.doWith("POST", path, w.adminA.Token, body, keyed("create-retry-1")).want(201)
	again := w.doWith("POST", path, w.adminA.Token, body, keyed("create-retry-1")).want(201)
	if first.replayed() || !again.replayed() || again.Body.String() != first.Body.String() || again.id() != first.id() {
		t.Fatalf("first %s (replayed %v), retry %s (replayed %v)", first.Body, first.replayed(), again.Body, again.replayed())
	}
	if ct := again.Header().Get("Content-Type"); ct != first.Header().Get("Content-Type") {
		t.Fatalf("replayed content type %q", ct)
	}
	if loc := again.Header().Get("Location"); loc == "" || loc != first.Header().Get("Location") {
		t.Fatalf("replayed Location %q, first %q", loc, first.Header().Get("Location"))
	}
	if n := w.unitsWithCode("retry"); n != 1 {
		t.Fatalf("%d units, want 1", n)
	}
}

func TestIdempotencyKeyReusedForAnotherRequest422(t *testing.T) {
	w := newWorld(t)
	path := unitPath(w.A, "/children")
	w.doWith("POST", path, w.adminA.Token, map[string]string{"name": "甲", "code": "reuse-a"}, keyed("k")).want(201)
	p := w.doWith("POST", path, w.adminA.Token, map[string]string{"name": "乙", "code": "reuse-b"}, keyed("k")).want(422).obj()
	if p["code"] != "idempotency.key_reused" {
		t.Fatalf("problem %v", p)
	}
	w.doWith("POST", unitPath(w.A1, "/children"), w.adminA.Token, map[string]string{"name": "甲", "code": "reuse-a"}, keyed("k")).want(422)
	if w.unitsWithCode("reuse-b") != 0 {
		t.Fatal("a reused key still wrote")
	}
}

func TestIdempotencyConcurrentDuplicatesWriteOnce(t *testing.T) {
	w := newWorld(t)
	path, body := unitPath(w.A, "/children"), map[string]string{"name": "并发社区", "code": "race"}
	out := make([]response, 6)
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() { out[i] = w.doWith("POST", path, w.adminA.Token, body, keyed("race-key")) })
	}
	wg.Wait()
	created, replayed, busy := 0, 0, 0
	for _, r := range out {
		switch {
		case r.Code == 201 && !r.replayed():
			created++
		case r.Code == 201:
			replayed++
		case r.Code == 409 && r.obj()["code"] == "idempotency.in_progress":
			busy++
		default:
			t.Fatalf("status %d body %s", r.Code, r.Body)
		}
	}
	t.Logf("fresh %d, replayed %d, in progress %d", created, replayed, busy)
	if created != 1 || w.unitsWithCode("race") != 1 {
		t.Fatalf("%d fresh answers, %d units; want 1 and 1", created, w.unitsWithCode("race"))
	}
}

func TestIdempotencyClientErrorIsFinalAndReplayed(t *testing.T) {
	w := newWorld(t)
	path, body := unitPath(w.A1g1, "/children"), map[string]string{"name": "过深", "code": "too-deep"}
	first := w.doWith("POST", path, w.adminA.Token, body, keyed("deep")).want(422)
	again := w.doWith("POST", path, w.adminA.Token, body, keyed("deep")).want(422)
	if !again.replayed() || again.Body.String() != first.Body.String() ||
		again.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("replay %v %q %s", again.replayed(), again.Header().Get("Content-Type"), again.Body)
	}
}

func TestIdempotencyKeysArePerSubject(t *testing.T) {
	w := newWorld(t)
	other := w.newPerson("第二位管理员")
	w.grantDirect(other, "tenant_admin", w.A)
	path := unitPath(w.A, "/children")
	mine := w.doWith("POST", path, w.adminA.Token, map[string]string{"name": "甲", "code": "subj-a"}, keyed("shared")).want(201)
	theirs := w.doWith("POST", path, other.Token, map[string]string{"name": "乙", "code": "subj-b"}, keyed("shared")).want(201)
	if theirs.replayed() || theirs.id() == mine.id() || w.unitsWithCode("subj-b") != 1 {
		t.Fatalf("another subject's key collided: %s", theirs.Body)
	}
}

func TestIdempotencyExpiredKeyIsIgnored(t *testing.T) {
	w := newWorld(t)
	ctx := viewer.SystemContext(context.Background())
	subject := authz.UserSubject(w.adminA.ID)
	past := time.Now().UTC().Add(-48 * time.Hour)
	w.st.Client.IdempotencyKey.Create().SetSubject(subject).SetKey("old").SetMethod("POST").
		SetPath("/elsewhere").SetRequestHash("stale").SetStatus(201).SetContentType("application/json").
		SetBody([]byte(`{"id":1}`)).SetCreatedAt(past).SetExpiresAt(past.Add(24 * time.Hour)).SaveX(ctx)
	r := w.doWith("POST", unitPath(w.A, "/children"), w.adminA.Token,
		map[string]string{"name": "新社区", "code": "fresh"}, keyed("old")).want(201)
	if r.replayed() || w.unitsWithCode("fresh") != 1 {
		t.Fatalf("expired key replayed: %s", r.Body)
	}
	row := w.st.Client.IdempotencyKey.Query().Where(idempotencykey.SubjectEQ(subject), idempotencykey.KeyEQ("old")).OnlyX(ctx)
	if row.RequestHash == "stale" || row.Status != 201 || !row.ExpiresAt.After(time.Now()) {
		t.Fatalf("row not replaced: %+v", row)
	}
}

func TestIdempotencyKeyMalformed400(t *testing.T) {
	w := newAPI(t)
	p := w.newPerson("某人")
	for _, key := range []string{"", "has space", fmt.Sprintf("%0256d", 0), "键"} {
		prob := w.doWith("POST", "/v1/tenants", p.Token, map[string]string{"name": "x", "code": "x"}, keyed(key)).want(400).obj()
		if !namesField(prob, "Idempotency-Key") {
			t.Fatalf("key %q: problem %v", key, prob)
		}
	}
}

// TestIdempotencyReplayRechecksAccess: a replay is a request like any
// other; once the caller's role is revoked, the stored answer is not
// handed out again (issue 15).
func TestIdempotencyReplayRechecksAccess(t *testing.T) {
	w := newWorld(t)
	guide := w.withRole("临时网格员", "guide", w.A1)
	newcomer := w.newPerson("新居民")
	path := unitPath(w.A1, "/members")
	body := map[string]any{"user_id": newcomer.ID, "identities": []string{"resident"}}
	w.doWith("POST", path, guide.Token, body, keyed("member-once")).want(201)
	w.revokeRoles(guide, w.A1)
	again := w.doWith("POST", path, guide.Token, body, keyed("member-once"))
	if again.Code != 403 && again.Code != 404 || again.replayed() {
		t.Fatalf("replay after revoke: %d (replayed %v) %s", again.Code, again.replayed(), again.Body)
	}
}

// revokeRoles revokes every live role p holds at unit, as the tenant admin.
func (w *world) revokeRoles(p person, unit int) {
	w.t.Helper()
	grants := w.do("GET", unitPath(unit, "/role-assignments"), w.adminA.Token, nil).want(200).obj()["items"].([]any)
	n := 0
	for _, g := range grants {
		g := g.(map[string]any)
		if int(g["user_id"].(float64)) == p.ID {
			w.do("DELETE", fmt.Sprintf("/v1/role-assignments/%d", int(g["id"].(float64))), w.adminA.Token, nil).want(204)
			n++
		}
	}
	if n == 0 {
		w.t.Fatalf("%d holds no role at unit %d", p.ID, unit)
	}
}

// TestIdempotencyReplayRechecksBodyDecisions: the decisions a handler
// made from the body (here role_assignment:grant:guide) are stored with
// the answer and decided again on a replay, not only the route's rule
// (unit:read, which a reviewer still holds).
func TestIdempotencyReplayRechecksBodyDecisions(t *testing.T) {
	w := newWorld(t)
	lead := w.withRole("临时书记", "lead", w.A1)
	target := w.newPerson("新网格员")
	path := unitPath(w.A1g1, "/role-assignments")
	body := map[string]any{"user_id": target.ID, "role": "guide"}
	w.doWith("POST", path, lead.Token, body, keyed("grant-once")).want(201)
	w.revokeRoles(lead, w.A1)
	w.do("POST", unitPath(w.A1, "/role-assignments"), w.adminA.Token,
		map[string]any{"user_id": lead.ID, "role": "reviewer"}).want(201)
	w.doWith("POST", path, lead.Token, body, map[string]string{"Idempotency-Key": "fresh"}).want(403)
	again := w.doWith("POST", path, lead.Token, body, keyed("grant-once"))
	if again.Code != 403 || again.replayed() {
		t.Fatalf("replay after losing grant:guide: %d (replayed %v) %s", again.Code, again.replayed(), again.Body)
	}
}
