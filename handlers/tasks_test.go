package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"yishi/internal/proposals"
)

// TestTaskLoveSeatDelivery carries the article's case from the approved
// decision to 300 chairs installed: one task for the property company and
// one for a volunteer, progress reports, an overdue alert, completion
// only once both are done, and the automatic close after the window.
func TestTaskLoveSeatDelivery(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	org, rep := w.propertyCompany()
	volunteer := w.implementer("志愿者小刘", w.A1g1)
	if p := w.act(w.leadA1, pid, "start", nil).want(409).obj(); p["code"] != "proposal.no_tasks" {
		t.Fatalf("start without tasks = %v", p)
	}
	chairs := w.createTask(pid, taskBody("采购并安装300把折叠椅", 14*24*time.Hour,
		map[string]any{"organization_id": org, "weight": 3, "description": "楼道转角，每层两把"}))
	signs := w.createTask(pid, taskBody("张贴爱心椅使用说明", -50*time.Hour, map[string]any{"assignee_id": volunteer.ID}))

	overdue := taskItems(w.do("GET", unitPath(w.A1, "/tasks?overdue=true"), w.leadA1.Token, nil).want(200))
	if len(overdue) != 1 || overdue[signs] == nil || overdue[signs]["overdue_days"].(float64) != 3 || overdue[signs]["overdue"] != true {
		t.Fatalf("overdue list = %v, want the signs task 3 days late", overdue)
	}
	if got := taskItems(w.do("GET", unitPath(w.A1g2, "/tasks"), w.leadA1.Token, nil).want(200)); len(got) != 0 {
		t.Fatalf("a sibling grid's list shows %v", got)
	}
	if st := w.act(w.leadA1, pid, "start", nil).want(200).obj()["status"]; st != "implementing" {
		t.Fatalf("start → %v", st)
	}

	first := w.report(rep, chairs, 30, "已采购300把折叠椅，开始安装").want(201).obj()
	if task := first["task"].(map[string]any); task["status"] != "doing" || task["percent"].(float64) != 30 {
		t.Fatalf("after 30%% = %v", task)
	}
	w.report(volunteer, chairs, 50, "我来帮忙").want(403) // an implementer, but not the company's
	w.report(volunteer, signs, 100, "使用说明已张贴在每层转角").want(201)
	if p := w.act(w.leadA1, pid, "complete", nil).want(409).obj(); p["code"] != "proposal.tasks_open" ||
		!strings.Contains(p["detail"].(string), "1 of 2") {
		t.Fatalf("complete with an open task = %v", p)
	}
	summary := w.do("GET", proposalURL(pid, "/tasks"), w.resA1g1.Token, nil).want(200).obj()
	if summary["progress"].(float64) != 47.5 || summary["done"].(float64) != 1 || summary["overdue"].(float64) != 0 {
		t.Fatalf("progress = %v, want (3×30+1×100)/4 = 47.5", summary)
	}
	if p := w.report(rep, chairs, 20, "记错了").want(409).obj(); p["code"] != "task.percent_below_current" {
		t.Fatalf("lowering = %v", p)
	}
	w.report(rep, chairs, 100, "300把折叠椅安装完毕").want(201)
	done := w.do("GET", taskURL(chairs, ""), rep.Token, nil).want(200).obj()
	if done["status"] != "done" || done["done_at"] == nil || done["percent"].(float64) != 100 {
		t.Fatalf("chairs task = %v", done)
	}
	summary = w.do("GET", proposalURL(pid, "/tasks"), w.resA1g1.Token, nil).want(200).obj()
	if summary["progress"].(float64) != 100 || summary["done"].(float64) != 2 {
		t.Fatalf("final progress = %v", summary)
	}
	if got := taskItems(w.do("GET", unitPath(w.A1, "/tasks?overdue=true"), w.leadA1.Token, nil).want(200)); len(got) != 0 {
		t.Fatalf("done tasks still overdue: %v", got)
	}
	checkLoveSeatTimeline(t, w, pid)
	checkMyTasks(t, w, rep, chairs)
	checkMyTasks(t, w, volunteer, signs)

	if st := w.act(w.leadA1, pid, "complete", nil).want(200).obj()["status"]; st != "completed" {
		t.Fatalf("complete → %v", st)
	}
	w.report(rep, chairs, 100, "再次确认").want(409)
	w.do("POST", proposalURL(pid, "/tasks"), w.leadA1.Token, taskBody("补充", time.Hour,
		map[string]any{"assignee_id": volunteer.ID})).want(409)
	closeAfterWindow(t, w, pid)
}

// closeAfterWindow runs the close job as the scheduler would, a day past
// the 30-day window.
func closeAfterWindow(t *testing.T, w *world, pid int) {
	t.Helper()
	ctx, window := context.Background(), 720*time.Hour
	if n, err := proposals.CloseDue(ctx, w.st.Client, time.Now(), window); err != nil || n != 0 {
		t.Fatalf("CloseDue inside the window = %d, %v", n, err)
	}
	if n, err := proposals.CloseDue(ctx, w.st.Client, time.Now().Add(window+24*time.Hour), window); err != nil || n != 1 {
		t.Fatalf("CloseDue after the window = %d, %v", n, err)
	}
	p := w.do("GET", proposalURL(pid, ""), w.resA1g1.Token, nil).want(200).obj()
	if p["status"] != "closed" || p["closed_at"] == nil {
		t.Fatalf("after the window = %v", p)
	}
}
