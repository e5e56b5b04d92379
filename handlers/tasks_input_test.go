package handlers_test

import (
	"slices"
	"testing"
	"time"
)

// problemHas fails unless the 400 names every field in want.
func problemHas(t *testing.T, r response, want ...string) {
	t.Helper()
	var got []string
	for _, e := range r.obj()["errors"].([]any) {
		got = append(got, e.(map[string]any)["field"].(string))
	}
	for _, f := range want {
		if !slices.Contains(got, f) {
			t.Fatalf("problem names %v, want %s: %s", got, f, r.Body.String())
		}
	}
}

// TestTaskInput400: bad bodies and filters are 400 naming the fields.
func TestTaskInput400(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	org, _ := w.propertyCompany()
	vol := w.implementer("志愿者", w.A1g1)
	create := func(body map[string]any, fields ...string) {
		t.Helper()
		problemHas(t, w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token, body).want(400), fields...)
	}
	create(taskBody("安装", time.Hour, map[string]any{"assignee_id": vol.ID, "organization_id": org}), "assignee_id", "organization_id")
	create(taskBody("安装", time.Hour, nil), "assignee_id", "organization_id")
	create(map[string]any{"title": "安装", "assignee_id": vol.ID}, "due_at")
	create(taskBody("", time.Hour, map[string]any{"assignee_id": vol.ID, "weight": 0}), "title", "weight")
	create(map[string]any{"title": "安装", "assignee_id": vol.ID, "due_at": "0001-01-01T00:00:00Z"}, "due_at")
	id := w.createTask(pid, taskBody("安装", time.Hour, map[string]any{"assignee_id": vol.ID}))
	report := func(body map[string]any, fields ...string) {
		t.Helper()
		problemHas(t, w.do("POST", taskURL(id, "/reports"), vol.Token, body).want(400), fields...)
	}
	report(map[string]any{"percent": 150, "note": "超额"}, "percent")
	report(map[string]any{"percent": -1, "note": "x"}, "percent")
	report(map[string]any{"note": "x"}, "percent")
	report(map[string]any{"percent": 50}, "note")
	patch := func(body any, fields ...string) {
		t.Helper()
		problemHas(t, w.do("PATCH", taskURL(id, ""), w.leadA1.Token, body).want(400), fields...)
	}
	patch(map[string]any{}, "body")
	patch(map[string]any{"status": "done"}, "status")
	patch(map[string]any{"due_at": "9999-12-31T00:00:00Z"}, "due_at")
	patch(map[string]any{"assignee_id": vol.ID, "organization_id": org}, "assignee_id", "organization_id")
	for _, q := range []string{"?overdue=maybe", "?status=finished", "?assignee_id=x", "?limit=0"} {
		w.do("GET", unitPath(w.A1, "/tasks"+q), w.leadA1.Token, nil).want(400)
	}
}

// TestTaskUpdate: a lead reschedules, blocks and reassigns a task; a done
// task's status is left to progress reports, and a stale If-Match fails.
func TestTaskUpdate(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	org, rep := w.propertyCompany()
	vol := w.implementer("志愿者", w.A1g1)
	id := w.createTask(pid, taskBody("安装", time.Hour, map[string]any{"assignee_id": vol.ID}))
	due := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second)
	res := w.do("PATCH", taskURL(id, ""), w.leadA1.Token, map[string]any{"status": "blocked", "due_at": due.Format(time.RFC3339)}).want(200)
	got := res.obj()
	if got["status"] != "blocked" || got["due_at"] != due.Format(time.RFC3339) {
		t.Fatalf("patched = %v", got)
	}
	w.doWith("PATCH", taskURL(id, ""), w.leadA1.Token, map[string]any{"title": "x"}, map[string]string{"If-Match": `W/"1"`}).want(412)
	if st := w.report(vol, id, 20, "材料到了一半").want(201).obj()["task"].(map[string]any)["status"]; st != "blocked" {
		t.Fatalf("a report unblocked the task: %v", st)
	}
	moved := w.do("PATCH", taskURL(id, ""), w.leadA1.Token, map[string]any{"organization_id": org, "status": "doing"}).want(200).obj()
	if moved["assignee_id"] != nil || int(moved["organization_id"].(float64)) != org {
		t.Fatalf("reassigned = %v", moved)
	}
	w.report(vol, id, 30, "x").want(403) // no longer theirs
	w.report(rep, id, 100, "完成").want(201)
	if p := w.do("PATCH", taskURL(id, ""), w.leadA1.Token, map[string]any{"status": "doing"}).want(409).obj(); p["code"] != "task.done" {
		t.Fatalf("status of a done task = %v", p)
	}
	reopened := w.report(w.leadA1, id, 90, "验收发现两把损坏，需更换").want(201).obj()["task"].(map[string]any)
	if reopened["status"] != "doing" || reopened["done_at"] != nil {
		t.Fatalf("lead's correction = %v", reopened)
	}
}
