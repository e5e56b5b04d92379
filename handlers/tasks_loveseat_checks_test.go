package handlers_test

import "testing"

// checkLoveSeatTimeline: every report reached the proposal's timeline.
func checkLoveSeatTimeline(t *testing.T, w *world, pid int) {
	t.Helper()
	actions, events := w.timeline(pid, w.resA1g1)
	var reports, assigned int
	var installed bool
	for _, e := range events {
		switch e["action"] {
		case "progress_report":
			reports++
			installed = installed || e["note"] == "300把折叠椅安装完毕"
		case "task_assigned":
			assigned++
		}
	}
	if reports != 3 || assigned != 2 || !installed {
		t.Fatalf("timeline %v: %d reports, %d assignments, installed %v", actions, reports, assigned, installed)
	}
	reps := w.do("GET", taskURL(int(events[len(events)-1]["detail"].(map[string]any)["task_id"].(float64)), "/reports"),
		w.resA1g1.Token, nil).want(200).obj()["items"].([]any)
	if len(reps) != 2 || reps[1].(map[string]any)["note"] != "300把折叠椅安装完毕" {
		t.Fatalf("chairs reports = %v", reps)
	}
}

func checkMyTasks(t *testing.T, w *world, p person, want int) {
	t.Helper()
	mine := taskItems(w.do("GET", "/v1/me/tasks", p.Token, nil).want(200))
	if len(mine) != 1 || mine[want] == nil {
		t.Fatalf("my tasks = %v, want task %d", mine, want)
	}
}
