package handlers_test

import (
	"fmt"
	"time"
)

func taskURL(id int, suffix string) string { return fmt.Sprintf("/v1/tasks/%d%s", id, suffix) }

// approvedLoveSeat is the love-seat proposal of A1g1 accepted, scheduled
// and approved by the community's lead.
func (w *world) approvedLoveSeat() int {
	w.t.Helper()
	id := w.submittedProposal()
	w.act(w.leadA1, id, "accept", nil).want(200)
	w.act(w.leadA1, id, "schedule", nil).want(200)
	w.act(w.leadA1, id, "decide", map[string]any{"outcome": "approved", "note": "议事会通过：楼道转角安装折叠椅"}).want(200)
	return id
}

// propertyCompany registers the community's property company with one
// representative, who holds implementer at the community and is a member
// of the company, and returns the company's id and the representative.
func (w *world) propertyCompany() (int, person) {
	w.t.Helper()
	org := w.do("POST", unitPath(w.A1, "/organizations"), w.leadA1.Token, map[string]any{
		"name": "锦华物业", "kind": "property_company"}).want(201).id()
	rep := w.newPerson("物业代表老周")
	w.do("POST", unitPath(w.A1, "/role-assignments"), w.leadA1.Token,
		map[string]any{"user_id": rep.ID, "role": "implementer"}).want(201)
	w.do("POST", fmt.Sprintf("/v1/organizations/%d/members", org), w.leadA1.Token,
		map[string]any{"user_id": rep.ID, "role": "member"}).want(201)
	return org, rep
}

// implementer has the A1 lead grant implementer at unit to a new person.
func (w *world) implementer(name string, unit int) person {
	w.t.Helper()
	p := w.newPerson(name)
	w.do("POST", unitPath(unit, "/role-assignments"), w.leadA1.Token,
		map[string]any{"user_id": p.ID, "role": "implementer"}).want(201)
	return p
}

// taskBody is a task due after d (negative d: already overdue).
func taskBody(title string, d time.Duration, assignee map[string]any) map[string]any {
	b := map[string]any{"title": title, "due_at": time.Now().Add(d).UTC().Format(time.RFC3339)}
	for k, v := range assignee {
		b[k] = v
	}
	return b
}

// createTask has the A1 lead assign a task on proposal pid.
func (w *world) createTask(pid int, body map[string]any) int {
	w.t.Helper()
	return w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token, body).want(201).id()
}

// report posts a progress report on task id as p.
func (w *world) report(p person, id, percent int, note string) response {
	w.t.Helper()
	return w.do("POST", taskURL(id, "/reports"), p.Token, map[string]any{"percent": percent, "note": note})
}

// taskItems lists the items of a task page by id.
func taskItems(r response) map[int]map[string]any {
	r.t.Helper()
	out := map[int]map[string]any{}
	for _, it := range r.obj()["items"].([]any) {
		m := it.(map[string]any)
		out[int(m["id"].(float64))] = m
	}
	return out
}

// timeline lists proposal pid's timeline entries as by sees them, oldest
// first.
func (w *world) timeline(pid int, by person) (actions []string, events []map[string]any) {
	w.t.Helper()
	for _, e := range w.do("GET", proposalURL(pid, "/events?limit=200"), by.Token, nil).want(200).obj()["items"].([]any) {
		ev := e.(map[string]any)
		actions, events = append(actions, ev["action"].(string)), append(events, ev)
	}
	return actions, events
}
