package handlers_test

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestLoveSeatEndToEnd carries the article's case (转角遇到爱心椅) through
// every step in one run: a child's mailbox letter entered for 李阿姨 as a
// joint proposal, co-signed by neighbours, accepted; deliberated at the
// tea house by multi-party participants and put to a vote; minutes record
// the decision; the lead decides; two tasks (the property company and a
// volunteer) deliver 300 chairs with progress reports and one overdue
// alert; a report meeting; completion; feedback with one low score that
// opens a follow-up; notifications for the author and co-signers; and
// statistics showing the case resolved.
func TestLoveSeatEndToEnd(t *testing.T) {
	w := newWorld(t)
	author := w.member("李阿姨", w.A1g1)
	neighbours := []person{w.member("王大爷", w.A1g1), w.member("张阿姨", w.A1g1)}

	letter := loveSeat("mailbox")
	delete(letter, "author_name")
	delete(letter, "author_phone")
	letter["author_id"], letter["kind"], letter["cosign_threshold"] = author.ID, "joint", 2
	letter["cosign_deadline"] = rfc(time.Now().Add(7 * 24 * time.Hour))
	pid := w.do("POST", unitPath(w.A1g1, "/proposals"), w.guideA1g1.Token, letter).want(201).id()
	w.act(w.guideA1g1, pid, "submit", nil).want(200)
	for _, n := range neighbours {
		w.act(n, pid, "cosign", nil).want(200)
	}
	w.act(w.reviewerA1, pid, "accept", map[string]any{"note": "符合鼓励清单建设类"}).want(200)

	// Deliberation at the tea house, with the proposal on the agenda.
	body := deliberation("转角爱心椅议事会", pid)
	body["venue_id"] = w.teaHouse("邻里茶馆")
	meeting := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, body).want(201).id()
	if st := w.do("GET", proposalURL(pid, ""), author.Token, nil).want(200).obj()["status"]; st != "deliberating" {
		t.Fatalf("on the agenda the proposal is %v", st)
	}
	for _, g := range [][2]string{{"物业老周", "property_rep"}, {"楼道长甲", "building_head"}, {"楼道长乙", "building_head"}, {"志愿者小刘", "volunteer"}} {
		pp := w.guest(meeting, g[0], g[1])
		w.do("PATCH", fmt.Sprintf("/v1/participants/%d", pp), w.leadA1.Token, map[string]any{"attended": true}).want(200)
	}
	rep := w.do("POST", meetingURL(meeting, "/participants"), w.leadA1.Token, map[string]any{"user_id": author.ID, "identity": "resident_rep"}).want(201).id()
	w.do("PATCH", fmt.Sprintf("/v1/participants/%d", rep), w.leadA1.Token, map[string]any{"attended": true}).want(200)

	// The residents vote on where the chairs go.
	vote, opts := w.createVote(w.A1, voteBody("爱心椅放在哪里", []string{"楼道转角", "单元门口"},
		map[string]any{"proposal_id": pid, "meeting_id": meeting}))
	w.openVote(vote)
	for _, p := range append([]person{author}, neighbours...) {
		w.cast(p, vote, opts[0]).want(201)
	}
	w.closeVote(vote)

	// Minutes record the decision; the lead decides citing them.
	w.do("POST", meetingURL(meeting, "/held"), w.leadA1.Token, nil).want(200)
	detail := w.do("GET", meetingURL(meeting, ""), w.leadA1.Token, nil).want(200).obj()
	item := int(detail["agenda"].([]any)[0].(map[string]any)["id"].(float64))
	w.do("PUT", meetingURL(meeting, "/minutes"), w.leadA1.Token, map[string]any{"text": "多方议事：物业、楼道长、居民代表、网格员、志愿者",
		"decisions": []map[string]any{{"agenda_item_id": item, "outcome": "approved", "text": "在楼道转角安装折叠椅"}}}).want(200)
	minutes := w.do("POST", meetingURL(meeting, "/minutes/approve"), w.leadA1.Token, nil).want(200).id()
	decided := w.act(w.leadA1, pid, "decide", map[string]any{"outcome": "approved", "note": "议事会通过", "minutes_id": minutes, "vote_id": vote}).want(200).obj()
	if int(decided["decision_vote_id"].(float64)) != vote || int(decided["decision_minutes_id"].(float64)) != minutes {
		t.Fatalf("decision citations = %v / %v", decided["decision_vote_id"], decided["decision_minutes_id"])
	}

	// Delivery: the property company and a volunteer; one task is overdue.
	org, propertyRep := w.propertyCompany()
	volunteer := w.implementer("志愿者小刘", w.A1g1)
	chairs := w.createTask(pid, taskBody("采购并安装300把折叠椅", 7*24*time.Hour, map[string]any{"organization_id": org, "weight": 3}))
	signs := w.createTask(pid, taskBody("张贴使用须知", -50*time.Hour, map[string]any{"assignee_id": volunteer.ID}))
	overdue := taskItems(w.do("GET", unitPath(w.A1, "/tasks?overdue=true"), w.leadA1.Token, nil).want(200))
	if o, ok := overdue[signs]; !ok || o["overdue_days"].(float64) < 1 || len(overdue) != 1 {
		t.Fatalf("overdue alert = %v", overdue)
	}
	w.act(w.leadA1, pid, "start", nil).want(200)
	w.report(propertyRep, chairs, 30, "已采购100把").want(201)
	w.report(volunteer, signs, 100, "须知已张贴").want(201)
	photo := w.attach(pid, propertyRep, multipartBody{field: "file", filename: "chairs.png", data: onePixelPNG()}).want(201).id()
	done := w.do("POST", taskURL(chairs, "/reports"), propertyRep.Token, map[string]any{
		"percent": 100, "note": "300把折叠椅安装完毕", "attachment_ids": []int{photo}}).want(201).obj()
	if ids := done["attachment_ids"].([]any); len(ids) != 1 || int(ids[0].(float64)) != photo {
		t.Fatalf("report cites %v", ids)
	}
	w.do("POST", taskURL(chairs, "/reports"), propertyRep.Token, map[string]any{
		"percent": 100, "note": "x", "attachment_ids": []int{photo + 1000}}).want(400)

	// A report meeting tells residents, then the work is complete.
	report := deliberation("爱心椅项目报告会", pid)
	report["format"] = "report_meeting"
	rm := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, report).want(201).id()
	w.do("POST", meetingURL(rm, "/held"), w.leadA1.Token, nil).want(200)
	w.do("PUT", meetingURL(rm, "/minutes"), w.leadA1.Token, map[string]any{"text": "300把折叠椅已安装，73位居民全程参与"}).want(200)
	w.do("POST", meetingURL(rm, "/minutes/approve"), w.leadA1.Token, nil).want(200)
	w.act(w.leadA1, pid, "complete", nil).want(200)

	// Feedback; the low score opens a follow-up linked both ways.
	w.do("POST", proposalURL(pid, "/feedback"), author.Token, map[string]any{"satisfaction": 5, "comment": "爷爷终于能歇脚了"}).want(201)
	w.do("POST", proposalURL(pid, "/feedback"), neighbours[0].Token, map[string]any{"satisfaction": 4}).want(201)
	low := w.do("POST", proposalURL(pid, "/feedback"), neighbours[1].Token, map[string]any{"satisfaction": 2, "comment": "五楼转角还没有"}).want(201).obj()
	followUp := int(low["follow_up_id"].(float64))
	if fu := w.do("GET", proposalURL(followUp, ""), neighbours[1].Token, nil).want(200).obj(); int(fu["follow_up_of_id"].(float64)) != pid {
		t.Fatalf("follow-up = %v", fu)
	}

	actions, _ := w.timeline(pid, w.leadA1)
	for _, want := range []string{"cosign", "accept", "schedule", "vote_result", "meeting_decision", "decide", "task_assigned", "start", "progress_report", "report_meeting", "complete", "follow_up"} {
		if !slices.Contains(actions, want) {
			t.Errorf("timeline lacks %s: %v", want, actions)
		}
	}
	for _, p := range append([]person{author}, neighbours...) {
		kinds := map[string]bool{}
		for _, n := range w.inbox(p, "") {
			kinds[newsOf(n)] = true
		}
		for _, want := range []string{"accept", "decide", "progress_report", "complete"} {
			if !kinds[want] {
				t.Errorf("user %d was not notified of %s (got %v)", p.ID, want, kinds)
			}
		}
	}

	st := w.do("GET", unitPath(w.A1, "/stats"), w.leadA1.Token, nil).want(200).obj()
	if st["resolved"].(float64) != 1 || st["median_days_to_resolve"] == nil || st["participants"].(float64) != 3 {
		t.Fatalf("stats = %v", st)
	}
	if avg := st["satisfaction_avg"].(float64); avg < 3.66 || avg > 3.67 {
		t.Fatalf("satisfaction_avg = %v, want 3.67", avg)
	}
}
