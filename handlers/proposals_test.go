package handlers_test

import (
	"fmt"
	"strings"
	"testing"
)

func proposalURL(id int, suffix string) string { return fmt.Sprintf("/v1/proposals/%d%s", id, suffix) }

// act posts a proposal action with an optional body.
func (w *world) act(p person, id int, action string, body any) response {
	return w.do("POST", proposalURL(id, "/"+action), p.Token, body)
}

// TestProposalLoveSeatFromMailboxToAccepted walks the article's case: a
// child's mailbox letter, entered by the grid worker, screened, returned
// once for detail, resubmitted and accepted by the community.
func TestProposalLoveSeatFromMailboxToAccepted(t *testing.T) {
	w := newWorld(t)
	created := w.do("POST", unitPath(w.A1g1, "/proposals"), w.guideA1g1.Token, loveSeat("mailbox")).want(201).obj()
	id := int(created["id"].(float64))
	if created["status"] != "draft" || created["author"].(map[string]any)["phone"] != "13812341234" ||
		int(created["entered_by"].(float64)) != w.guideA1g1.ID {
		t.Fatalf("created = %v", created)
	}
	sub := w.act(w.guideA1g1, id, "submit", nil).want(200).obj()
	if sub["status"] != "submitted" || len(sub["screening_flags"].([]any)) != 0 {
		t.Fatalf("submitted = %v", sub)
	}
	w.act(w.reviewerA1, id, "return", map[string]any{"note": "请写明哪几栋楼"}).want(200)
	w.act(w.guideA1g1, id, "resubmit", map[string]any{"note": "3栋、5栋"}).want(200)
	acc := w.act(w.reviewerA1, id, "accept", map[string]any{"note": "符合鼓励清单建设类"}).want(200).obj()
	if acc["status"] != "accepted" {
		t.Fatalf("accepted = %v", acc)
	}
	events := w.do("GET", proposalURL(id, "/events"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
	var trail []string
	for _, e := range events {
		m := e.(map[string]any)
		trail = append(trail, fmt.Sprintf("%s:%s>%s", m["action"], m["from"], m["to"]))
	}
	want := "create:>draft submit:draft>submitted return:submitted>needs_revision resubmit:needs_revision>submitted accept:submitted>accepted"
	if strings.Join(trail, " ") != want {
		t.Fatalf("timeline = %v", trail)
	}
	// A neighbour in another grid of the same community sees it, masked.
	neighbour := w.withRole("邻居", "resident", w.A1g2)
	seen := w.do("GET", proposalURL(id, ""), neighbour.Token, nil).want(200).obj()
	if a := seen["author"].(map[string]any); a["phone"] != "138****1234" || a["name"] != "小***" {
		t.Fatalf("neighbour sees author %v", a)
	}
	// A resident of another community sees nothing.
	stranger := w.withRole("外社区居民", "resident", w.A2g1)
	w.do("GET", proposalURL(id, ""), stranger.Token, nil).want(404)
	w.do("GET", proposalURL(id, "/events"), stranger.Token, nil).want(404)
	list := w.do("GET", unitPath(w.A1, "/proposals"), stranger.Token, nil)
	if list.Code == 200 && strings.Contains(list.Body.String(), "爱心椅") {
		t.Fatal("another community lists the proposal")
	}
}

func TestProposalDraftsArePrivate(t *testing.T) {
	w := newWorld(t)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	neighbour := w.withRole("邻居", "resident", w.A1g1)
	w.do("GET", proposalURL(id, ""), neighbour.Token, nil).want(404)
	w.do("GET", proposalURL(id, ""), w.guideA1g1.Token, nil).want(200) // staff of the grid
	w.act(w.resA1g1, id, "submit", nil).want(200)
	w.do("GET", proposalURL(id, ""), neighbour.Token, nil).want(200)
}

func TestProposalIllegalTransitions409(t *testing.T) {
	w := newWorld(t)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	for _, a := range []struct {
		by     person
		action string
		body   any
	}{
		{w.leadA1, "accept", nil}, {w.leadA1, "schedule", nil}, {w.leadA1, "decide", map[string]any{"outcome": "approved"}},
		{w.leadA1, "start", nil}, {w.leadA1, "complete", nil}, {w.leadA1, "close", nil},
		{w.resA1g1, "resubmit", nil}, {w.reviewerA1, "return", map[string]any{"note": "x"}},
	} {
		p := w.act(a.by, id, a.action, a.body).want(409).obj()
		if p["code"] != "proposal.invalid_transition" || !strings.Contains(p["detail"].(string), "draft") {
			t.Fatalf("%s: %v", a.action, p)
		}
	}
	w.act(w.leadA1, id, "explode", nil).want(404)
	events := w.do("GET", proposalURL(id, "/events"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
	if len(events) != 1 {
		t.Fatalf("refused transitions wrote events: %v", events)
	}
}

// TestProposalRolesRefused403: each action by a role the table does not
// name is refused, and nothing changes.
func TestProposalRolesRefused403(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	for _, a := range []struct {
		by     person
		action string
	}{
		{w.resA1g1, "accept"}, {w.resA1g1, "reject"}, {w.resA1g1, "return"}, {w.resA1g1, "escalate"},
		{w.guideA1g1, "accept"}, {w.guideA1g1, "reject"}, {w.guideA1g1, "escalate"}, {w.guideA1g1, "refer"},
		{w.reviewerA1, "escalate"}, {w.reviewerA1, "merge"}, {w.reviewerA1, "schedule"},
		{w.leadA1, "withdraw"}, {w.adminA, "accept"},
	} {
		w.act(a.by, id, a.action, map[string]any{"note": "x", "referred_to": "区住建局", "into_id": 1}).want(403)
	}
	if got := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).obj()["status"]; got != "submitted" {
		t.Fatalf("status changed to %v", got)
	}
}
