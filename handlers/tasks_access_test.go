package handlers_test

import (
	"testing"
	"time"
)

// TestTaskCreate403Resident: residents follow tasks but never assign them.
func TestTaskCreate403Resident(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	vol := w.implementer("志愿者", w.A1g1)
	body := taskBody("安装", time.Hour, map[string]any{"assignee_id": vol.ID})
	w.do("POST", proposalURL(pid, "/tasks"), w.resA1g1.Token, body).want(403)
	w.do("POST", proposalURL(pid, "/tasks"), w.guideA1g1.Token, body).want(403)
	w.do("POST", proposalURL(pid, "/tasks"), vol.Token, body).want(403)
	id := w.createTask(pid, body)
	w.do("GET", proposalURL(pid, "/tasks"), w.resA1g1.Token, nil).want(200)
	w.do("GET", taskURL(id, ""), w.resA1g1.Token, nil).want(200)
	w.do("GET", taskURL(id, "/reports"), w.resA1g1.Token, nil).want(200)
	w.do("GET", unitPath(w.A1g1, "/tasks"), w.resA1g1.Token, nil).want(403) // the overdue board is for staff
	w.do("PATCH", taskURL(id, ""), w.resA1g1.Token, map[string]any{"status": "blocked"}).want(403)
	w.do("PATCH", taskURL(id, ""), vol.Token, map[string]any{"status": "blocked"}).want(403)
}

// TestTaskReport403NotAssigned: holding task:report is not enough; the
// caller must be the assignee, the organization's member or a lead.
func TestTaskReport403NotAssigned(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	org, rep := w.propertyCompany()
	vol, other := w.implementer("志愿者", w.A1g1), w.implementer("另一位志愿者", w.A1g1)
	mine := w.createTask(pid, taskBody("张贴说明", time.Hour, map[string]any{"assignee_id": vol.ID}))
	theirs := w.createTask(pid, taskBody("安装", time.Hour, map[string]any{"organization_id": org}))
	w.report(other, mine, 10, "我来").want(403)
	w.report(other, theirs, 10, "我来").want(403)
	w.report(rep, mine, 10, "我来").want(403)
	w.report(w.resA1g1, mine, 10, "我来").want(403)
	w.report(w.guideA1g1, mine, 10, "我来").want(403) // a guide may be assigned, but is not
	w.report(vol, mine, 60, "一半").want(201)
	w.report(rep, theirs, 10, "开工").want(201)
	// A lead corrects downwards, and that reopens nothing else.
	got := w.report(w.leadA1, mine, 40, "核实后为40%").want(201).obj()["task"].(map[string]any)
	if got["percent"].(float64) != 40 {
		t.Fatalf("lead correction = %v", got)
	}
	w.report(w.leadA2, mine, 50, "x").want(404)
	w.report(w.leadB1, mine, 50, "x").want(404)
}

// TestTaskCreate400Assignee: the assignee must be able to report where
// the proposal is handled; the organization must serve its community.
func TestTaskCreate400Assignee(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	far := w.implementer("别的网格", w.A1g2)
	guide := w.guideA1g1
	for _, bad := range []map[string]any{
		{"assignee_id": w.resA1g1.ID}, {"assignee_id": far.ID}, {"assignee_id": 99999},
	} {
		problemHas(t, w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token, taskBody("x", time.Hour, bad)).want(400), "assignee_id")
	}
	orgB := w.do("POST", unitPath(w.B1, "/organizations"), w.leadB1.Token, map[string]any{
		"name": "幸福物业", "kind": "property_company"}).want(201).id()
	orgA2 := w.do("POST", unitPath(w.A2, "/organizations"), w.leadA2.Token, map[string]any{
		"name": "胜宏物业", "kind": "property_company"}).want(201).id()
	for _, org := range []int{orgB, orgA2, 99999} {
		problemHas(t, w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token,
			taskBody("x", time.Hour, map[string]any{"organization_id": org})).want(400), "organization_id")
	}
	w.createTask(pid, taskBody("巡查", time.Hour, map[string]any{"assignee_id": guide.ID}))
}

// TestTaskCreate409NotApproved: tasks belong to approved proposals.
func TestTaskCreate409NotApproved(t *testing.T) {
	w := newWorld(t)
	pid := w.submittedProposal()
	vol := w.implementer("志愿者", w.A1g1)
	p := w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token,
		taskBody("x", time.Hour, map[string]any{"assignee_id": vol.ID})).want(409).obj()
	if p["code"] != "proposal.not_in_delivery" {
		t.Fatalf("task on a submitted proposal = %v", p)
	}
}

// TestTask404OtherTenantOrSibling: outside the tenant or the community
// the tasks do not exist.
func TestTask404OtherTenantOrSibling(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	vol := w.implementer("志愿者", w.A1g1)
	id := w.createTask(pid, taskBody("x", time.Hour, map[string]any{"assignee_id": vol.ID}))
	for _, outsider := range []person{w.leadA2, w.leadB1, w.adminB} {
		w.do("GET", taskURL(id, ""), outsider.Token, nil).want(404)
		w.do("GET", taskURL(id, "/reports"), outsider.Token, nil).want(404)
		w.do("PATCH", taskURL(id, ""), outsider.Token, map[string]any{"status": "doing"}).want(404)
		w.report(outsider, id, 10, "x").want(404)
		w.do("GET", proposalURL(pid, "/tasks"), outsider.Token, nil).want(404)
		w.do("POST", proposalURL(pid, "/tasks"), outsider.Token, taskBody("x", time.Hour, map[string]any{"assignee_id": vol.ID})).want(404)
		w.do("GET", unitPath(w.A1, "/tasks"), outsider.Token, nil).want(404)
		if n := len(taskItems(w.do("GET", "/v1/me/tasks", outsider.Token, nil).want(200))); n != 0 {
			t.Fatalf("an outsider's own tasks show %d", n)
		}
	}
}
