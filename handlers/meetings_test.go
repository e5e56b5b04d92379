package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

// TestMeetingLoveSeatDeliberation walks the article's case: the accepted
// love-seat proposal goes on a deliberation meeting at the neighbourhood
// tea house, where the property company, building heads, a resident
// representative, the grid worker and a volunteer deliberate; the
// minutes record the decision, are approved and locked, and a later
// correction becomes version 2. The proposal's timeline shows it all.
func TestMeetingLoveSeatDeliberation(t *testing.T) {
	w := newWorld(t)
	pid := w.acceptedProposal()
	venue := w.teaHouse("邻里茶馆")
	body := deliberation("转角爱心椅议事会", pid)
	body["venue_id"] = venue
	m := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, body).want(201).obj()
	id := int(m["id"].(float64))
	agenda := m["agenda"].([]any)
	if len(agenda) != 1 || agenda[0].(map[string]any)["proposal_status"] != "deliberating" ||
		m["venue"].(map[string]any)["kind"] != "tea_house" || m["convener_id"].(float64) != float64(w.leadA1.ID) {
		t.Fatalf("meeting = %v", m)
	}
	item := int(agenda[0].(map[string]any)["id"].(float64))
	if actions, _ := w.eventActions(pid, w.resA1g1); !slices.Contains(actions, "schedule") {
		t.Fatalf("timeline lacks schedule: %v", actions)
	}

	worker := w.withRole("社区工作者", "guide", w.A1) // runs the meeting with the secretary
	buildingHead := w.member("楼道长老张", w.A1)      // known to the tenant (issue 15)
	parts := []map[string]any{
		{"guest_name": "物业王经理", "guest_phone": "13812345678", "identity": "property_rep"},
		{"user_id": buildingHead.ID, "identity": "building_head"},
		{"guest_name": "5栋楼道长", "identity": "building_head"},
		{"user_id": w.resA1g1.ID, "identity": "resident_rep"},
		{"user_id": w.guideA1g1.ID, "identity": "grid_worker"},
		{"guest_name": "志愿者小刘", "identity": "volunteer"},
	}
	var pids []int
	for _, p := range parts {
		pids = append(pids, w.do("POST", meetingURL(id, "/participants"), w.leadA1.Token, p).want(201).id())
	}
	w.do("POST", meetingURL(id, "/participants"), w.leadA1.Token, parts[1]).want(409)
	for _, p := range pids[:5] { // the volunteer did not come
		w.do("PATCH", "/v1/participants/"+itoa(p), worker.Token, map[string]any{"attended": true}).want(200)
	}
	got := w.do("GET", meetingURL(id, ""), w.resA1g1.Token, nil).want(200).obj()["participants"].(map[string]any)
	if got["invited"].(float64) != 6 || got["attended"].(float64) != 5 {
		t.Fatalf("participants = %v", got)
	}
	want := map[string][2]float64{"resident_rep": {1, 1}, "building_head": {2, 2}, "property_rep": {1, 1},
		"grid_worker": {1, 1}, "volunteer": {1, 0}}
	for _, x := range got["by_identity"].([]any) {
		e := x.(map[string]any)
		if w := want[e["identity"].(string)]; e["invited"] != w[0] || e["attended"] != w[1] {
			t.Errorf("%v: %v", e["identity"], e)
		}
	}
	list := w.do("GET", meetingURL(id, "/participants"), w.resA1g1.Token, nil).want(200).Body.String()
	if strings.Contains(list, "13812345678") || !strings.Contains(list, "138****5678") {
		t.Fatalf("guest phone not masked for a resident: %s", list)
	}
	if !strings.Contains(w.do("GET", meetingURL(id, "/participants"), w.leadA1.Token, nil).want(200).Body.String(), "13812345678") {
		t.Fatal("staff should see the guest's phone")
	}

	w.do("POST", meetingURL(id, "/held"), worker.Token, nil).want(200)
	decision := map[string]any{"agenda_item_id": item, "outcome": "approved", "text": "同意在3栋、5栋楼道转角安装折叠椅"}
	w.do("PUT", meetingURL(id, "/minutes"), worker.Token, map[string]any{"text": "初稿", "decisions": []any{decision}}).want(200)
	v1 := w.do("PUT", meetingURL(id, "/minutes"), worker.Token, map[string]any{"text": "定稿", "decisions": []any{decision}}).want(200).obj()
	if v1["version"].(float64) != 1 || v1["status"] != "draft" {
		t.Fatalf("draft = %v", v1)
	}
	w.do("GET", meetingURL(id, "/minutes"), w.resA1g1.Token, nil).want(404) // drafts are for staff
	w.do("POST", meetingURL(id, "/minutes/approve"), worker.Token, nil).want(403)
	approved := w.do("POST", meetingURL(id, "/minutes/approve"), w.leadA1.Token, nil).want(200).obj()
	if approved["status"] != "approved" || approved["approved_by"].(float64) != float64(w.leadA1.ID) {
		t.Fatalf("approved = %v", approved)
	}
	w.do("POST", meetingURL(id, "/minutes/approve"), w.leadA1.Token, nil).want(409)

	v2 := w.do("PUT", meetingURL(id, "/minutes"), worker.Token, map[string]any{"text": "更正：另加3楼转角一把",
		"decisions": []any{decision}}).want(200).obj()
	if v2["version"].(float64) != 2 || v2["status"] != "draft" {
		t.Fatalf("correction = %v", v2)
	}
	if cur := w.do("GET", meetingURL(id, "/minutes"), w.resA1g1.Token, nil).want(200).obj(); cur["text"] != "定稿" {
		t.Fatalf("residents see %v, want the approved version 1", cur["text"])
	}
	versions := w.do("GET", meetingURL(id, "/minutes/versions"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
	if len(versions) != 2 || versions[0].(map[string]any)["text"] != "定稿" || versions[0].(map[string]any)["status"] != "approved" {
		t.Fatalf("versions = %v", versions)
	}
	if n := len(w.do("GET", meetingURL(id, "/minutes/versions"), w.resA1g1.Token, nil).want(200).obj()["items"].([]any)); n != 1 {
		t.Fatalf("a resident sees %d versions, want the approved one", n)
	}
	w.do("POST", meetingURL(id, "/minutes/approve"), w.leadA1.Token, nil).want(200)

	actions, events := w.eventActions(pid, w.resA1g1)
	var decisions []map[string]any
	for _, e := range events {
		if e["action"] == "meeting_decision" {
			decisions = append(decisions, e)
		}
	}
	if len(decisions) != 2 || decisions[0]["note"] != decision["text"] {
		t.Fatalf("timeline %v lacks the two approved versions' decisions", actions)
	}
	d := decisions[1]["detail"].(map[string]any)
	if d["meeting_id"].(float64) != float64(id) || d["minutes_version"].(float64) != 2 || d["outcome"] != "approved" {
		t.Fatalf("decision detail = %v", d)
	}
	w.act(w.leadA1, pid, "decide", map[string]any{"outcome": "approved", "note": "依据议事会会议记录第2版"}).want(200)
}
