package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"yishi/ent/auditlog"
	"yishi/internal/viewer"
)

// session signs p in once more and returns the refresh token of that new
// session.
func (a *api) session(p person, password string) string {
	a.t.Helper()
	return a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": password}).
		want(200).obj()["refresh_token"].(string)
}

func refreshes(a *api, rt string) int {
	return a.do("POST", "/v1/auth/refresh", "", map[string]string{"refresh_token": rt}).Code
}

// TestPasswordResetRevokesEverySession: a reset code sets the password
// and revokes every refresh-token family; another person's sessions live.
func TestPasswordResetRevokesEverySession(t *testing.T) {
	a := newAPI(t)
	p, other := a.newPerson("忘了密码"), a.newPerson("邻居")
	phoneRT, padRT, otherRT := a.session(p, "password-"+p.Phone), a.session(p, "password-"+p.Phone), a.session(other, "password-"+other.Phone)
	code := a.codeFor(p.Phone, "reset")
	r := a.do("POST", "/v1/auth/password-reset", "", map[string]string{"phone": p.Phone, "code": code, "password": "password"}).want(400)
	if r.obj()["code"] != "password.weak" {
		t.Fatalf("weak: %s", r.Body)
	}
	a.do("POST", "/v1/auth/password-reset", "", map[string]string{"phone": p.Phone, "code": code, "password": "new-garden-pass"}).want(204)
	if refreshes(a, phoneRT) != 401 || refreshes(a, padRT) != 401 {
		t.Fatal("a session survived the reset")
	}
	if refreshes(a, otherRT) != 200 {
		t.Fatal("the reset revoked another person's session")
	}
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "password-" + p.Phone}).want(401)
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "new-garden-pass"}).want(200)
}

// TestChangePasswordKeepsOnlyThisSession: the current password is
// checked, the new one must not be weak, and every other session of the
// caller (not of anyone else) is revoked.
func TestChangePasswordKeepsOnlyThisSession(t *testing.T) {
	a := newAPI(t)
	p, other := a.newPerson("换密码"), a.newPerson("邻居")
	pw := "password-" + p.Phone
	here, there, otherRT := a.session(p, pw), a.session(p, pw), a.session(other, "password-"+other.Phone)
	r := a.do("POST", "/v1/me/password", p.Token, map[string]string{"current_password": "wrong-password", "new_password": "new-garden-pass"}).want(400)
	if r.obj()["code"] != "password.wrong" || !namesField(r.obj(), "current_password") {
		t.Fatalf("wrong current: %s", r.Body)
	}
	r = a.do("POST", "/v1/me/password", p.Token, map[string]string{"current_password": pw, "new_password": p.Phone}).want(400)
	if r.obj()["code"] != "password.weak" || !namesField(r.obj(), "new_password") {
		t.Fatalf("weak: %s", r.Body)
	}
	a.do("POST", "/v1/me/password", p.Token, map[string]string{"current_password": pw, "new_password": "new-garden-pass",
		"refresh_token": here}).want(204)
	if refreshes(a, here) != 200 || refreshes(a, there) != 401 || refreshes(a, otherRT) != 200 {
		t.Fatal("sessions after the change: want this one and the neighbour's alive, the other revoked")
	}
	a.do("POST", "/v1/auth/login", "", map[string]string{"phone": p.Phone, "password": "new-garden-pass"}).want(200)
}

// TestUpdateMeRenamesOnlyTheCaller: PATCH /v1/me changes the caller's
// name, names a bad one, and touches nobody else.
func TestUpdateMeRenamesOnlyTheCaller(t *testing.T) {
	a := newAPI(t)
	p, other := a.newPerson("旧名"), a.newPerson("邻居")
	if n := a.do("PATCH", "/v1/me", p.Token, map[string]string{"name": "  新名 "}).want(200).obj()["name"]; n != "新名" {
		t.Fatalf("name %v", n)
	}
	if r := a.do("PATCH", "/v1/me", p.Token, map[string]string{"name": ""}).want(400); !namesField(r.obj(), "name") {
		t.Fatalf("empty name: %s", r.Body)
	}
	a.do("PATCH", "/v1/me", p.Token, map[string]any{"name": "x", "id": other.ID}).want(400)
	if n := a.do("GET", "/v1/me", other.Token, nil).want(200).obj()["name"]; n != "邻居" {
		t.Fatalf("the neighbour is now %v", n)
	}
}

// TestExportThenDeleteAnonymizes walks a resident through the PIPL
// rights: the export holds their data only (votes as participation,
// anonymous ones not at all), and deletion erases the person while every
// count, tally and timeline stays as it was.
func TestExportThenDeleteAnonymizes(t *testing.T) {
	w := newWorld(t)
	res := w.member("张大爷", w.A1g1)
	other := w.member("邻居", w.A1g1)
	pw := "password-" + res.Phone
	rt := w.session(res, pw)
	own := w.completedBy(res)
	w.do("POST", proposalURL(own, "/comments"), res.Token, map[string]string{"body": "椅子很好用"}).want(201)
	w.do("POST", proposalURL(own, "/comments"), other.Token, map[string]string{"body": "邻居的话"}).want(201)
	w.do("POST", proposalURL(own, "/feedback"), res.Token, map[string]any{"satisfaction": 5}).want(201)
	joint := w.do("POST", unitPath(w.A1g1, "/proposals"), other.Token, jointProposal(time.Now().Add(48*time.Hour), 5)).want(201).id()
	w.act(other, joint, "submit", nil).want(200)
	w.act(res, joint, "cosign", nil).want(200)
	named, opts := w.createVote(w.A1, voteBody("椅子的颜色", []string{"红", "蓝"}, nil))
	secret, sopts := w.createVote(w.A1, voteBody("匿名表决", []string{"同意", "反对"}, map[string]any{"anonymous": true}))
	w.openVote(named)
	w.openVote(secret)
	w.cast(res, named, opts[0]).want(201)
	w.cast(other, named, opts[1]).want(201)
	w.cast(res, secret, sopts[0]).want(201)
	w.closeVote(named)

	ex := w.do("GET", "/v1/me/export", res.Token, nil).want(200)
	doc := ex.obj()
	if ts, ok := doc["talents"].([]any); !ok || len(ts) != 0 {
		t.Fatalf("talents section: %v", doc["talents"])
	}
	count := func(k string) int { return len(doc[k].([]any)) }
	if count("memberships") != 1 || count("comments") != 1 || count("cosignatures") != 1 || count("feedback") != 1 ||
		count("proposals") != 1 || count("notifications") == 0 {
		t.Fatalf("export: %s", ex.Body)
	}
	votes := doc["votes"].([]any)
	if len(votes) != 1 || votes[0].(map[string]any)["vote_id"] != float64(named) {
		t.Fatalf("votes in export: %v (want only the named vote)", votes)
	}
	if strings.Contains(ex.Body.String(), "邻居的话") || strings.Contains(ex.Body.String(), "option") {
		t.Fatalf("the export shows another person's comment or a ballot choice: %s", ex.Body)
	}

	results := w.do("GET", voteURL(named, "/results"), w.leadA1.Token, nil).want(200).Body.String()
	cosigns := w.do("GET", proposalURL(joint, ""), w.leadA1.Token, nil).want(200).obj()["cosign_count"]

	r := w.do("DELETE", "/v1/me", res.Token, map[string]string{"password": "wrong-password"}).want(400)
	if r.obj()["code"] != "password.wrong" {
		t.Fatalf("wrong password: %s", r.Body)
	}
	w.do("DELETE", "/v1/me", res.Token, map[string]string{"password": pw}).want(204)

	w.do("POST", "/v1/auth/login", "", map[string]string{"phone": res.Phone, "password": pw}).want(401)
	if refreshes(w.api, rt) != 401 {
		t.Fatal("a refresh token survived the deletion")
	}
	if got := w.do("GET", voteURL(named, "/results"), w.leadA1.Token, nil).want(200).Body.String(); got != results {
		t.Fatalf("tally changed:\n%s\n%s", results, got)
	}
	if got := w.do("GET", proposalURL(joint, ""), w.leadA1.Token, nil).want(200).obj()["cosign_count"]; got != cosigns {
		t.Fatalf("co-signatures %v → %v", cosigns, got)
	}
	author := w.do("GET", proposalURL(own, ""), w.leadA1.Token, nil).want(200).obj()["author"].(map[string]any)
	if author["name"] != "已注销用户" || author["phone"] != nil && author["phone"] != "" {
		t.Fatalf("author after deletion: %v", author)
	}
	subject := fmt.Sprintf("u:%d", res.ID)
	for _, e := range w.do("GET", proposalURL(own, "/events"), w.leadA1.Token, nil).want(200).items() {
		if e["actor"] == subject && e["actor_name"] != "已注销用户" {
			t.Fatalf("timeline still names the person: %v", e)
		}
	}
	for _, m := range w.do("GET", unitPath(w.A1g1, "/members"), w.leadA1.Token, nil).want(200).items() {
		if m["user_id"] == float64(res.ID) && (m["name"] != "已注销用户" || m["phone"] != "") {
			t.Fatalf("member list after deletion: %v", m)
		}
	}
	// The audit log keeps the id only.
	entries, err := w.st.Client.AuditLog.Query().Where(auditlog.Action("user.delete")).All(viewer.SystemContext(context.Background()))
	if err != nil || len(entries) != 1 || entries[0].TargetID != res.ID || entries[0].Actor != subject || len(entries[0].Detail) != 0 {
		t.Fatalf("audit: %v %v", entries, err)
	}
	// The phone is free again, for a new and unrelated account.
	again := w.registerWithCode(res.Phone, "a-new-life-2026", "新住户")
	again.want(201)
	tok := w.do("POST", "/v1/auth/login", "", map[string]string{"phone": res.Phone, "password": "a-new-life-2026"}).want(200).obj()["access_token"].(string)
	fresh := w.do("GET", "/v1/me/export", tok, nil).want(200).obj()
	if fresh["profile"].(map[string]any)["id"] == float64(res.ID) || len(fresh["comments"].([]any)) != 0 {
		t.Fatalf("the new account inherited the old one: %v", fresh)
	}
	// The neighbour is untouched.
	if n := w.do("GET", "/v1/me", other.Token, nil).want(200).obj()["name"]; n != "邻居" {
		t.Fatalf("neighbour: %v", n)
	}
}

// TestStaffReadingPersonalDataIsAudited: a member list with addresses and
// a proposal showing a resident's full phone each leave one audit entry
// per request; a resident reading their own data leaves none.
func TestStaffReadingPersonalDataIsAudited(t *testing.T) {
	w := newWorld(t)
	for i := range 3 {
		p := w.newPerson(fmt.Sprintf("住户%d", i))
		w.do("POST", unitPath(w.A1g1, "/members"), w.leadA1.Token, map[string]any{
			"user_id": p.ID, "identities": []string{"resident"}, "address": fmt.Sprintf("3栋2单元50%d", i)}).want(201)
	}
	w.do("GET", unitPath(w.A1g1, "/members"), w.leadA1.Token, nil).want(200)
	letter := w.do("POST", unitPath(w.A1g1, "/proposals"), w.guideA1g1.Token, loveSeat("mailbox")).want(201).id()
	w.do("GET", proposalURL(letter, ""), w.leadA1.Token, nil).want(200)
	w.do("GET", "/v1/me", w.resA1g1.Token, nil).want(200)
	var reads []map[string]any
	for _, e := range w.do("GET", unitPath(w.A, "/audit-log"), w.adminA.Token, nil).want(200).items() {
		if e["action"] == "personal_data.read" {
			reads = append(reads, e)
		}
	}
	if len(reads) != 2 {
		t.Fatalf("personal-data reads audited: %v", reads)
	}
	for _, e := range reads {
		if e["actor"] != fmt.Sprintf("u:%d", w.leadA1.ID) || strings.Contains(fmt.Sprint(e["detail"]), "13812341234") {
			t.Fatalf("entry %v", e)
		}
	}
}

// items decodes a page's items as JSON objects.
func (r response) items() []map[string]any {
	r.t.Helper()
	var out []map[string]any
	for _, it := range r.obj()["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	return out
}
