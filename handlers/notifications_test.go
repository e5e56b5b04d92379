package handlers_test

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// inbox reads every notification of p, newest first.
func (w *world) inbox(p person, query string) []map[string]any {
	w.t.Helper()
	var out []map[string]any
	path := "/v1/me/notifications?limit=200" + query
	for path != "" {
		page := w.do("GET", path, p.Token, nil).want(200).obj()
		for _, it := range page["items"].([]any) {
			out = append(out, it.(map[string]any))
		}
		path = ""
		if next, _ := page["next_cursor"].(string); next != "" {
			path = "/v1/me/notifications?limit=200&cursor=" + next + query
		}
	}
	return out
}

// eventIDs lists the event ids of proposal_update notifications, sorted.
func eventIDs(items []map[string]any) []int {
	out := make([]int, 0, len(items))
	for _, it := range items {
		if it["kind"] == "proposal_update" {
			out = append(out, int(it["event_id"].(float64)))
		}
	}
	slices.Sort(out)
	return out
}

// newsOf is what a notification reports: the timeline action of a
// proposal_update (data.action), the kind of any other.
func newsOf(n map[string]any) string {
	if n["kind"] == "proposal_update" {
		a, _ := n["data"].(map[string]any)["action"].(string)
		return a
	}
	return n["kind"].(string)
}

// kindsOf counts p's notifications by kind.
func (w *world) kindsOf(p person) map[string]int {
	w.t.Helper()
	out := map[string]int{}
	for _, n := range w.inbox(p, "") {
		out[n["kind"].(string)]++
	}
	return out
}

// newsSince lists the timeline events from fromEvent on that notify and
// were not caused by actor.
func newsSince(events []map[string]any, fromEvent int, actor person) []int {
	var out []int
	for _, e := range events {
		id := int(e["id"].(float64))
		same := e["from"] == e["to"]
		if id < fromEvent || e["actor"] == fmt.Sprintf("u:%d", actor.ID) ||
			e["action"] == "create" || (e["action"] == "cosign" && same) {
			continue
		}
		out = append(out, id)
	}
	return out
}

// eventBy is the id of actor's first action event.
func eventBy(events []map[string]any, actor person, action string) int {
	for _, e := range events {
		if e["action"] == action && e["actor"] == fmt.Sprintf("u:%d", actor.ID) {
			return int(e["id"].(float64))
		}
	}
	return 0
}

// TestNotificationsReachAuthorCosignersAndFollowers: a joint proposal's
// author and co-signers, and a follower from the next grid, each get one
// notification per status change from the moment they joined, never for
// their own act and never twice.
func TestNotificationsReachAuthorCosignersAndFollowers(t *testing.T) {
	w := newWorld(t)
	author, a, b := w.member("发起人", w.A1g1), w.member("甲", w.A1g1), w.member("乙", w.A1g1)
	follower := w.member("隔壁网格", w.A1g2)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(48*time.Hour), 2)).want(201).id()
	w.act(author, id, "submit", nil).want(200)
	w.do("POST", proposalURL(id, "/follow"), follower.Token, nil).want(201)
	w.do("POST", proposalURL(id, "/follow"), follower.Token, nil).want(200)
	w.act(a, id, "cosign", nil).want(200)
	w.act(b, id, "cosign", nil).want(200) // threshold reached: submitted
	w.completeProposal(id)

	_, events := w.eventActions(id, w.leadA1)
	first := int(events[0]["id"].(float64))
	submitted := eventBy(events, author, "submit")
	want := map[string][]int{"author": newsSince(events, first, author),
		"a": newsSince(events, eventBy(events, a, "cosign"), a), "b": newsSince(events, eventBy(events, b, "cosign"), b),
		"follower": newsSince(events, submitted+1, follower)}
	got := map[string][]int{"author": eventIDs(w.inbox(author, "")), "a": eventIDs(w.inbox(a, "")),
		"b": eventIDs(w.inbox(b, "")), "follower": eventIDs(w.inbox(follower, ""))}
	for who := range want {
		if !slices.Equal(got[who], want[who]) {
			t.Errorf("%s: notified of events %v, want %v", who, got[who], want[who])
		}
	}
	if len(want["b"]) >= len(want["a"]) {
		t.Errorf("b's own co-signature must not notify b: b %v, a %v", want["b"], want["a"])
	}
	if k := w.kindsOf(w.leadA1); len(k) != 1 || k["proposal_queued"] != 1 {
		t.Errorf("the lead acted on every step but the submission, which queued it: %v", k)
	}
	statuses := map[string]bool{}
	for _, it := range w.inbox(author, "") {
		statuses[newsOf(it)] = true
	}
	for _, k := range []string{"cosign", "accept", "schedule", "decide", "start", "complete"} {
		if !statuses[k] {
			t.Errorf("author has no %s notification: %v", k, statuses)
		}
	}
	accepted := w.inbox(follower, "")
	for _, it := range accepted {
		if newsOf(it) == "accept" && it["title"] != "你关注的提案「转角遇到爱心椅」已受理" {
			t.Errorf("follower's accept title = %v", it["title"])
		}
	}
}

// TestNotificationsMarkRead: the inbox pages newest first, filters
// unread, and marks only the caller's own entries read.
func TestNotificationsMarkRead(t *testing.T) {
	w := newWorld(t)
	author := w.member("发起人", w.A1g1)
	id := w.filedBy(author)
	w.act(w.leadA1, id, "accept", nil).want(200)
	w.act(w.leadA1, id, "schedule", nil).want(200)
	w.act(w.leadA1, id, "decide", map[string]any{"outcome": "declined", "note": "经费不足"}).want(200)
	all := w.inbox(author, "")
	if len(all) != 3 {
		t.Fatalf("author has %d notifications, want 3", len(all))
	}
	page := w.do("GET", "/v1/me/notifications?limit=2", author.Token, nil).want(200).obj()
	items := page["items"].([]any)
	next := w.do("GET", "/v1/me/notifications?limit=2&cursor="+page["next_cursor"].(string), author.Token, nil).want(200).obj()
	ids := []float64{items[0].(map[string]any)["id"].(float64), items[1].(map[string]any)["id"].(float64),
		next["items"].([]any)[0].(map[string]any)["id"].(float64)}
	if !(ids[0] > ids[1] && ids[1] > ids[2]) || next["next_cursor"] != "" || int(page["unread_count"].(float64)) != 3 {
		t.Fatalf("pages not newest first: %v, %v / %v", ids, page, next)
	}
	newest := int(ids[0])
	other := w.member("别人", w.A1g1)
	w.do("POST", "/v1/me/notifications/read", other.Token, map[string]any{"ids": []int{newest}}).want(200)
	if w.inbox(author, "&unread=true")[0]["read"] != false {
		t.Fatal("another user marked the author's notification read")
	}
	res := w.do("POST", "/v1/me/notifications/read", author.Token, map[string]any{"ids": []int{newest}}).want(200).obj()
	if res["updated"] != 1.0 || len(w.inbox(author, "&unread=true")) != 2 {
		t.Fatalf("mark one: %v", res)
	}
	w.do("POST", "/v1/me/notifications/read", author.Token, map[string]any{}).want(400)
	w.do("POST", "/v1/me/notifications/read", author.Token, map[string]any{"ids": []int{1}, "all": true}).want(400)
	w.do("GET", "/v1/me/notifications?unread=maybe", author.Token, nil).want(400)
	res = w.do("POST", "/v1/me/notifications/read", author.Token, map[string]any{"all": true}).want(200).obj()
	if res["updated"] != 2.0 || len(w.inbox(author, "&unread=true")) != 0 || len(w.inbox(author, "")) != 3 {
		t.Fatalf("mark all: %v", res)
	}
}

// TestFollowUnfollow: after unfollowing, a follower hears nothing more.
func TestFollowUnfollow(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	neighbour := w.member("邻居", w.A1g2)
	w.do("POST", proposalURL(id, "/follow"), neighbour.Token, nil).want(201)
	w.act(w.leadA1, id, "accept", nil).want(200)
	w.do("DELETE", proposalURL(id, "/follow"), neighbour.Token, nil).want(204)
	w.do("DELETE", proposalURL(id, "/follow"), neighbour.Token, nil).want(204)
	w.act(w.leadA1, id, "schedule", nil).want(200)
	got := w.inbox(neighbour, "")
	if len(got) != 1 || newsOf(got[0]) != "accept" {
		t.Fatalf("neighbour's inbox = %v", got)
	}
	draft := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	w.do("POST", proposalURL(draft, "/follow"), neighbour.Token, nil).want(404) // a draft is its author's
}
