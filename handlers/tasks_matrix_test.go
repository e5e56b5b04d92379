package handlers_test

import "time"

// taskMatrix lists the tasks routes for the isolation matrix. The target
// is a task for a volunteer on the approved love-seat proposal of A1g1.
func taskMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	onTask := func(suffix string, body any) func(w *world) (string, any) {
		return func(w *world) (string, any) { return taskURL(w.matrixTask(), suffix), body }
	}
	onProposal := func(w *world) (string, any) { return proposalURL(w.approvedLoveSeat(), "/tasks"), nil }
	return map[string]routeCase{
		"POST /v1/proposals/:id/tasks": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			vol := w.implementer("志愿者", w.A1g1)
			return proposalURL(w.approvedLoveSeat(), "/tasks"), taskBody("安装", time.Hour, map[string]any{"assignee_id": vol.ID})
		}},
		"GET /v1/proposals/:id/tasks": {call: onProposal, owner: leadA1, ok: 200},
		"GET /v1/tasks/:id":           {call: onTask("", nil), owner: leadA1, ok: 200},
		"PATCH /v1/tasks/:id":         {call: onTask("", map[string]any{"status": "doing"}), owner: leadA1, ok: 200},
		"POST /v1/tasks/:id/reports":  {call: onTask("/reports", map[string]any{"percent": 10, "note": "开工"}), owner: leadA1, ok: 201},
		"GET /v1/tasks/:id/reports":   {call: onTask("/reports", nil), owner: leadA1, ok: 200},
		"GET /v1/units/:id/tasks": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			w.matrixTask()
			return unitPath(w.A1, "/tasks?overdue=true"), nil
		}},
		"GET /v1/me/tasks": {public: "the caller's own tasks; TestTask404OtherTenantOrSibling"},
	}
}

// matrixTask assigns a volunteer's task on a fresh approved proposal.
func (w *world) matrixTask() int {
	w.t.Helper()
	vol := w.implementer("志愿者", w.A1g1)
	return w.createTask(w.approvedLoveSeat(), taskBody("张贴说明", -time.Hour, map[string]any{"assignee_id": vol.ID}))
}
