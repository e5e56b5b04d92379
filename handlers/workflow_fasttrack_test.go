package handlers_test

import (
	"slices"
	"testing"
	"time"
)

// TestProposalResolveOnSpotInThreeCalls: a guide on a grid visit finds a
// blocked drain, enters it, uploads the photo and resolves it on the
// spot: three calls from intake to completed, a full timeline, and the
// case counts as resolved in the community's statistics. A resident
// cannot use the fast track, and it needs a note and a photo of this
// proposal.
func TestProposalResolveOnSpotInThreeCalls(t *testing.T) {
	w := newWorld(t)
	drain := loveSeat("grid_visit")
	drain["title"], drain["body"] = "3栋下水道堵塞", "3栋门口下水道堵了，雨天积水。"
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), w.guideA1g1.Token, drain).want(201).id()                                 // 1
	photo := w.attach(id, w.guideA1g1, multipartBody{field: "file", filename: "drain.png", data: onePixelPNG()}).want(201).id() // 2

	w.act(w.guideA1g1, id, "resolve_on_spot", map[string]any{"attachment_ids": []int{photo}}).want(400)
	w.act(w.guideA1g1, id, "resolve_on_spot", map[string]any{"note": "已疏通"}).want(400)
	other := w.submittedProposal()
	otherPhoto := w.attach(other, w.resA1g1, multipartBody{field: "file", filename: "x.png", data: onePixelPNG()}).want(201).id()
	w.act(w.guideA1g1, id, "resolve_on_spot", map[string]any{"note": "已疏通", "attachment_ids": []int{otherPhoto}}).want(400)
	w.act(w.resA1g1, other, "resolve_on_spot", map[string]any{"note": "我自己修好了", "attachment_ids": []int{otherPhoto}}).want(403)
	w.act(w.leadB1, id, "resolve_on_spot", map[string]any{"note": "x", "attachment_ids": []int{photo}}).want(404)

	done := w.act(w.guideA1g1, id, "resolve_on_spot", map[string]any{"note": "现场疏通完毕", "attachment_ids": []int{photo}}).want(200).obj() // 3
	if done["status"] != "completed" || done["submitted_at"] == nil || done["resolved_at"] == nil {
		t.Fatalf("resolved = %v", done)
	}
	actions, events := w.timeline(id, w.leadA1)
	if !slices.Equal(actions, []string{"create", "resolve_on_spot"}) {
		t.Fatalf("timeline = %v", actions)
	}
	if ev := events[1]; ev["from"] != "draft" || ev["to"] != "completed" || ev["note"] != "现场疏通完毕" {
		t.Fatalf("event = %v", ev)
	}
	w.act(w.guideA1g1, id, "resolve_on_spot", map[string]any{"note": "再来一次", "attachment_ids": []int{photo}}).want(409)
	st := w.do("GET", unitPath(w.A1, "/stats"), w.leadA1.Token, nil).want(200).obj()
	if st["resolved"].(float64) != 1 {
		t.Fatalf("stats = %v", st)
	}
}

// TestDecideCitesSeveralVotesAndMinutes: decide cites two closed votes
// (vote_ids) and the minutes (minutes_ids, plus the old minutes_id); the
// single-id fields keep the first; a vote of another proposal is 400
// naming vote_ids.
func TestDecideCitesSeveralVotesAndMinutes(t *testing.T) {
	w := newWorld(t)
	pid := w.submittedProposal()
	w.act(w.leadA1, pid, "accept", nil).want(200)
	m := w.meeting("爱心椅议事会", pid)
	voter := w.member("居民", w.A1g1)
	var votes []int
	for _, title := range []string{"样式", "位置"} {
		v, opts := w.createVote(w.A1, voteBody(title, []string{"甲", "乙"}, map[string]any{"proposal_id": pid}))
		w.openVote(v)
		w.cast(voter, v, opts[0]).want(201)
		w.closeVote(v)
		votes = append(votes, v)
	}
	stray, _ := w.createVote(w.A1, voteBody("别的事", []string{"甲", "乙"}, nil))
	w.do("POST", meetingURL(m, "/held"), w.leadA1.Token, nil).want(200)
	w.do("PUT", meetingURL(m, "/minutes"), w.leadA1.Token, map[string]any{"text": "议定安装爱心椅"}).want(200)
	minutes := w.do("POST", meetingURL(m, "/minutes/approve"), w.leadA1.Token, nil).want(200).id()

	r := w.act(w.leadA1, pid, "decide", map[string]any{"outcome": "approved", "note": "通过", "vote_ids": []int{votes[0], stray}}).want(400)
	if f := problemFields(r); !slices.Contains(f, "vote_ids") {
		t.Fatalf("fields = %v", f)
	}
	d := w.act(w.leadA1, pid, "decide", map[string]any{"outcome": "approved", "note": "通过",
		"vote_ids": votes, "minutes_id": minutes, "minutes_ids": []int{minutes}}).want(200).obj()
	if int(d["decision_vote_id"].(float64)) != votes[0] || len(d["decision_vote_ids"].([]any)) != 2 ||
		len(d["decision_minutes_ids"].([]any)) != 1 || int(d["decision_minutes_id"].(float64)) != minutes {
		t.Fatalf("decided = %v", d)
	}
}

// TestTaskCountedDeliveryInBatches: the 300-chair task is delivered in
// reported batches (100, 150, 50); percent follows the delivered total,
// an over-delivery or a disagreeing percent is 400, and the task is done
// at 300 of 300.
func TestTaskCountedDeliveryInBatches(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	org, rep := w.propertyCompany()
	body := taskBody("采购并安装折叠椅", 7*24*time.Hour, map[string]any{"organization_id": org, "quantity": 300, "quantity_unit": "把"})
	chairs := w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token, body).want(201).obj()
	id := int(chairs["id"].(float64))
	if chairs["quantity"].(float64) != 300 || chairs["quantity_unit"] != "把" || chairs["delivered"].(float64) != 0 {
		t.Fatalf("task = %v", chairs)
	}
	bad := taskBody("x", time.Hour, map[string]any{"organization_id": org, "quantity": 0, "quantity_unit": "把"})
	w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token, bad).want(400)
	w.act(w.leadA1, pid, "start", nil).want(200)
	batch := func(n int, more map[string]any) response {
		b := map[string]any{"delivered": n, "note": "到货一批"}
		for k, v := range more {
			b[k] = v
		}
		return w.do("POST", taskURL(id, "/reports"), rep.Token, b)
	}
	first := batch(100, nil).want(201).obj()
	if first["delivered"].(float64) != 100 || first["task"].(map[string]any)["percent"].(float64) != 33 {
		t.Fatalf("first batch = %v", first)
	}
	batch(150, map[string]any{"percent": 90}).want(400)
	if got := batch(150, map[string]any{"percent": 83}).want(201).obj()["task"].(map[string]any); got["delivered"].(float64) != 250 {
		t.Fatalf("second batch = %v", got)
	}
	batch(51, nil).want(400)
	batch(-1, nil).want(400)
	last := batch(50, nil).want(201).obj()["task"].(map[string]any)
	if last["status"] != "done" || last["percent"].(float64) != 100 || last["delivered"].(float64) != 300 {
		t.Fatalf("last batch = %v", last)
	}
	tasks := w.do("GET", proposalURL(pid, "/tasks"), w.leadA1.Token, nil).want(200).obj()
	if tasks["progress"].(float64) != 100 {
		t.Fatalf("progress = %v", tasks["progress"])
	}
	_, events := w.timeline(pid, w.leadA1)
	var delivered []float64
	for _, e := range events {
		if e["action"] == "progress_report" {
			delivered = append(delivered, e["detail"].(map[string]any)["delivered_total"].(float64))
		}
	}
	if !slices.Equal(delivered, []float64{100, 250, 300}) {
		t.Fatalf("timeline delivered totals = %v", delivered)
	}
	// A task without a quantity takes no delivered count.
	plain := w.createTask(pid, taskBody("张贴须知", time.Hour, map[string]any{"organization_id": org}))
	w.do("POST", taskURL(plain, "/reports"), rep.Token, map[string]any{"delivered": 1, "note": "x"}).want(400)
}

// TestTaskChangesAreTimelineEvents: reassigning, moving the due date and
// cancelling a task each leave an event with before and after; a
// cancelled task takes no reports or changes and does not hold up
// completion.
func TestTaskChangesAreTimelineEvents(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	org, rep := w.propertyCompany()
	volunteer := w.implementer("志愿者小刘", w.A1g1)
	chairs := w.createTask(pid, taskBody("安装折叠椅", 7*24*time.Hour, map[string]any{"organization_id": org}))
	signs := w.createTask(pid, taskBody("张贴须知", 7*24*time.Hour, map[string]any{"organization_id": org}))
	w.do("PATCH", taskURL(signs, ""), w.leadA1.Token, map[string]any{"assignee_id": volunteer.ID}).want(200)
	due := time.Now().Add(14 * 24 * time.Hour).UTC().Truncate(time.Second)
	w.do("PATCH", taskURL(signs, ""), w.leadA1.Token, map[string]any{"due_at": due.Format(time.RFC3339)}).want(200)
	w.do("PATCH", taskURL(signs, ""), rep.Token, map[string]any{"status": "cancelled"}).want(403)
	w.do("PATCH", taskURL(signs, ""), w.leadA1.Token, map[string]any{"status": "cancelled"}).want(200)
	w.do("PATCH", taskURL(signs, ""), w.leadA1.Token, map[string]any{"status": "doing"}).want(409)
	w.report(volunteer, signs, 50, "x").want(409)

	_, events := w.timeline(pid, w.leadA1)
	got := map[string]map[string]any{}
	for _, e := range events {
		if a := e["action"].(string); a == "task_reassigned" || a == "task_rescheduled" || a == "task_cancelled" {
			got[a] = e["detail"].(map[string]any)
		}
	}
	if len(got) != 3 {
		t.Fatalf("task events = %v", got)
	}
	re := got["task_reassigned"]
	if int(re["before"].(map[string]any)["organization_id"].(float64)) != org || int(re["after"].(map[string]any)["assignee_id"].(float64)) != volunteer.ID {
		t.Fatalf("reassigned = %v", re)
	}
	if got["task_rescheduled"]["after"] != due.Format(time.RFC3339) || got["task_cancelled"]["after"] != "cancelled" {
		t.Fatalf("rescheduled/cancelled = %v", got)
	}
	w.act(w.leadA1, pid, "start", nil).want(200)
	w.report(rep, chairs, 100, "300把安装完毕").want(201)
	w.act(w.leadA1, pid, "complete", nil).want(200) // the cancelled task does not hold it up
}
