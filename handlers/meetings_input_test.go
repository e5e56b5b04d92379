package handlers_test

import (
	"slices"
	"testing"
	"time"
)

// TestMeetingCreate400NamesEveryBadField: one request, every mistake.
func TestMeetingCreate400NamesEveryBadField(t *testing.T) {
	w := newWorld(t)
	start := time.Now().Add(time.Hour)
	res := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, map[string]any{
		"title": "  ", "format": "party", "starts_at": rfc(start), "ends_at": rfc(start.Add(-time.Minute)),
		"proposal_ids": []int{3, 3}}).want(400)
	got := problemFields(res)
	for _, f := range []string{"title", "format", "ends_at", "proposal_ids"} {
		if !slices.Contains(got, f) {
			t.Errorf("fields %v lack %s", got, f)
		}
	}
	w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, map[string]any{"title": "会", "format": "hearing"}).want(400)
	w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, `{"title":"会","format":"hearing","starts_at":"tomorrow"}`).want(400)
}

// TestMeetingAgendaFailuresWriteNothing: a proposal outside the meeting's
// subtree is 400 proposal_ids, one not yet accepted is 409; either way no
// meeting is written and the good proposal on the same agenda stays
// accepted.
func TestMeetingAgendaFailuresWriteNothing(t *testing.T) {
	w := newWorld(t)
	good := w.acceptedProposal()
	submitted := w.submittedProposal() // at A1g1
	res := w.do("POST", unitPath(w.A1g2, "/meetings"), w.leadA1.Token, deliberation("二网格议事会", good)).want(400)
	if f := problemFields(res); len(f) != 1 || f[0] != "proposal_ids" {
		t.Fatalf("fields %v", f)
	}
	res = w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, deliberation("议事会", good, submitted)).want(409)
	if res.obj()["code"] != "proposal.invalid_transition" {
		t.Fatalf("problem %v", res.obj())
	}
	w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, deliberation("议事会", good, 999999)).want(400)
	if items := w.do("GET", unitPath(w.A1, "/meetings"), w.leadA1.Token, nil).want(200).obj()["items"].([]any); len(items) != 0 {
		t.Fatalf("half-written meetings: %v", items)
	}
	if st := w.do("GET", proposalURL(good, ""), w.leadA1.Token, nil).want(200).obj()["status"]; st != "accepted" {
		t.Fatalf("good proposal is %v after the failed requests", st)
	}
	// A guide runs meetings but does not schedule proposals (a lead does).
	guide := w.withRole("社区工作者", "guide", w.A1)
	w.do("POST", unitPath(w.A1, "/meetings"), guide.Token, deliberation("议事会", good)).want(403)
	w.do("POST", unitPath(w.A1, "/meetings"), guide.Token, deliberation("议事会")).want(201)
}

// TestMeetingVenueMustBeActiveAndVisible: a retired venue, another
// tenant's venue or one the caller cannot see is 400 venue_id.
func TestMeetingVenueMustBeActiveAndVisible(t *testing.T) {
	w := newWorld(t)
	retired := w.teaHouse("旧茶馆")
	w.do("PATCH", "/v1/venues/"+itoa(retired), w.leadA1.Token, map[string]any{"status": "retired"}).want(200)
	foreign := w.do("POST", unitPath(w.B1, "/venues"), w.leadB1.Token, map[string]any{"name": "B茶馆", "kind": "tea_house"}).want(201).id()
	sibling := w.do("POST", unitPath(w.A2, "/venues"), w.leadA2.Token, map[string]any{"name": "胜宏亭", "kind": "pavilion"}).want(201).id()
	for _, v := range []int{retired, foreign, sibling} {
		body := deliberation("议事会")
		body["venue_id"] = v
		res := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, body).want(400)
		if f := problemFields(res); len(f) != 1 || f[0] != "venue_id" {
			t.Fatalf("venue %d: fields %v", v, f)
		}
	}
}

// TestMinutesAndParticipants400: an unknown identity, a guest without a
// name, a decision about another meeting's agenda item or with an unknown
// outcome are 400s naming the field, and no minutes are written.
func TestMinutesAndParticipants400(t *testing.T) {
	w := newWorld(t)
	id := w.meeting("议事会")
	other := w.meeting("另一个会")
	foreign := w.do("POST", meetingURL(other, "/agenda"), w.leadA1.Token, map[string]any{"title": "其他事项"}).want(201).id()
	res := w.do("POST", meetingURL(id, "/participants"), w.leadA1.Token, map[string]any{"guest_name": "张三", "identity": "mayor"}).want(400)
	if f := problemFields(res); len(f) != 1 || f[0] != "identity" {
		t.Fatalf("fields %v", f)
	}
	res = w.do("POST", meetingURL(id, "/participants"), w.leadA1.Token, map[string]any{"identity": "resident"}).want(400)
	if f := problemFields(res); len(f) != 1 || f[0] != "guest_name" {
		t.Fatalf("fields %v", f)
	}
	w.do("POST", meetingURL(id, "/participants"), w.leadA1.Token, map[string]any{"user_id": 999999, "identity": "resident"}).want(422)
	res = w.do("PUT", meetingURL(id, "/minutes"), w.leadA1.Token, map[string]any{"text": "记录",
		"decisions": []any{map[string]any{"agenda_item_id": foreign, "outcome": "approved", "text": "同意"}}}).want(400)
	if f := problemFields(res); len(f) != 1 || f[0] != "decisions[0].agenda_item_id" {
		t.Fatalf("fields %v", f)
	}
	res = w.do("PUT", meetingURL(id, "/minutes"), w.leadA1.Token, map[string]any{"text": "",
		"decisions": []any{map[string]any{"agenda_item_id": foreign, "outcome": "maybe", "text": "同意"}}}).want(400)
	if f := problemFields(res); !slices.Equal(f, []string{"text", "decisions[0].outcome"}) {
		t.Fatalf("fields %v", f)
	}
	w.do("GET", meetingURL(id, "/minutes"), w.leadA1.Token, nil).want(404)
}
