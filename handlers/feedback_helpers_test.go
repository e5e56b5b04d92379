package handlers_test

import (
	"context"
	"fmt"
	"time"

	"yishi/ent/task"
	"yishi/internal/viewer"
)

// completeProposal walks an accepted-to-be proposal through accept,
// schedule, decide (approved), start and complete as the community lead.
func (w *world) completeProposal(id int) {
	w.t.Helper()
	lead := w.leadA1
	w.act(lead, id, "accept", nil).want(200)
	w.act(lead, id, "schedule", nil).want(200)
	w.act(lead, id, "decide", map[string]any{"outcome": "approved", "note": "议事会通过，安装折叠椅"}).want(200)
	w.deliver(id)
	w.act(lead, id, "complete", nil).want(200)
}

// deliver starts an approved proposal. Delivery needs a task that gets
// done: through the tasks API when it is served, else (while that API is
// being built) as a done task written directly.
func (w *world) deliver(id int) {
	w.t.Helper()
	lead := w.leadA1
	if w.act(lead, id, "start", nil).Code == 200 {
		return
	}
	res := w.do("POST", proposalURL(id, "/tasks"), lead.Token, map[string]any{
		"title": "楼道转角安装折叠椅", "assignee_id": lead.ID, "due_at": time.Now().Add(72 * time.Hour).UTC()})
	if res.Code != 201 {
		w.doneTaskDirect(id)
		w.act(lead, id, "start", nil).want(200)
		return
	}
	task := res.id()
	w.act(lead, id, "start", nil).want(200)
	w.do("POST", fmt.Sprintf("/v1/tasks/%d/reports", task), lead.Token,
		map[string]any{"percent": 100, "note": "300把折叠椅安装完毕"}).want(201)
}

// doneTaskDirect writes a finished task on the proposal as fixture data.
func (w *world) doneTaskDirect(id int) {
	w.t.Helper()
	ctx := viewer.SystemContext(context.Background())
	p, err := w.st.Client.Proposal.Get(ctx, id)
	if err == nil {
		err = w.st.Client.Task.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).
			SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetTitle("安装折叠椅").
			SetDueAt(time.Now().Add(72 * time.Hour)).SetStatus(task.StatusDone).SetPercent(100).Exec(ctx)
	}
	if err != nil {
		w.t.Fatal(err)
	}
}

// filedBy files the love-seat proposal online as author in grid A1g1 and
// submits it.
func (w *world) filedBy(author person) int {
	w.t.Helper()
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, loveSeat("online")).want(201).id()
	w.act(author, id, "submit", nil).want(200)
	return id
}

// completedBy is filedBy carried through to completed.
func (w *world) completedBy(author person) int {
	w.t.Helper()
	id := w.filedBy(author)
	w.completeProposal(id)
	return id
}
