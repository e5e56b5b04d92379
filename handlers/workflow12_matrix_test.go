package handlers_test

import "fmt"

// workflow12Matrix is the isolation matrix of the issue-12 routes for
// units, tenants, comment moderation and notification preferences. Each
// call makes its own target, so suspending or archiving one never
// disturbs the other routes of the matrix.
func workflow12Matrix() map[string]routeCase {
	adminA := func(w *world) person { return w.adminA }
	leadA1 := func(w *world) person { return w.leadA1 }
	platform := func(w *world) person { return w.platform }
	grid := func(w *world) int {
		return w.createChild(w.adminA, w.A1, "临时网格", fmt.Sprintf("tmp-%d", w.newPerson("x").ID))
	}
	tenant := func(w *world) int { return w.createTenant("临时街道", fmt.Sprintf("tmp-s%d", w.newPerson("y").ID)) }
	comment := func(w *world) int {
		return w.do("POST", proposalURL(w.submittedProposal(), "/comments"), w.resA1g1.Token, map[string]any{"body": "楼下也要"}).want(201).id()
	}
	reason := map[string]any{"reason": "核实"}
	return map[string]routeCase{
		"GET /v1/tenants":                     {public: "platform-level; TestTenantSuspendRefusesItsUsersOnly"},
		"GET /v1/me/notification-preferences": {public: "the caller's own settings; TestNotificationPreferences"},
		"PUT /v1/me/notification-preferences": {public: "the caller's own settings; TestNotificationPreferences"},
		"POST /v1/tenants/:id/suspend": {owner: platform, ok: 200, call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/tenants/%d/suspend", tenant(w)), nil
		}},
		"POST /v1/tenants/:id/unsuspend": {owner: platform, ok: 200, call: func(w *world) (string, any) {
			id := tenant(w)
			w.do("POST", fmt.Sprintf("/v1/tenants/%d/suspend", id), w.platform.Token, nil).want(200)
			return fmt.Sprintf("/v1/tenants/%d/unsuspend", id), nil
		}},
		"PATCH /v1/units/:id": {owner: adminA, ok: 200, call: func(w *world) (string, any) {
			return unitPath(grid(w), ""), map[string]any{"name": "改名网格"}
		}},
		"POST /v1/units/:id/archive": {owner: adminA, ok: 200, call: func(w *world) (string, any) {
			return unitPath(grid(w), "/archive"), nil
		}},
		"POST /v1/units/:id/restore": {owner: adminA, ok: 200, call: func(w *world) (string, any) {
			id := grid(w)
			w.do("POST", unitPath(id, "/archive"), w.adminA.Token, nil).want(200)
			return unitPath(id, "/restore"), nil
		}},
		"POST /v1/comments/:id/reports": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			return commentURL(comment(w), "/reports"), reason
		}},
		"POST /v1/comments/:id/hide": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			return commentURL(comment(w), "/hide"), reason
		}},
		"POST /v1/comments/:id/restore": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			id := comment(w)
			w.do("POST", commentURL(id, "/hide"), w.guideA1g1.Token, reason).want(200)
			return commentURL(id, "/restore"), reason
		}},
		"DELETE /v1/comments/:id": {owner: func(w *world) person { return w.resA1g1 }, ok: 204, call: func(w *world) (string, any) {
			return commentURL(comment(w), ""), nil
		}},
	}
}
