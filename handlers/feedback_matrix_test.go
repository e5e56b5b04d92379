package handlers_test

import "fmt"

// feedbackMatrix lists the feedback, follow, notification and statistics
// routes for the isolation matrix. Proposal routes target a proposal of
// grid A1g1; the inbox routes hold only the caller's own rows.
func feedbackMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	onProposal := func(suffix string) func(w *world) (string, any) {
		return func(w *world) (string, any) {
			return fmt.Sprintf("/v1/proposals/%d%s", w.submittedProposal(), suffix), nil
		}
	}
	return map[string]routeCase{
		"POST /v1/proposals/:id/feedback": {call: func(w *world) (string, any) {
			return proposalURL(w.completedBy(w.resA1g1), "/feedback"), map[string]any{"satisfaction": 5}
		}, owner: func(w *world) person { return w.resA1g1 }, ok: 201},
		"GET /v1/proposals/:id/feedback":  {call: onProposal("/feedback"), owner: leadA1, ok: 200},
		"POST /v1/proposals/:id/follow":   {call: onProposal("/follow"), owner: leadA1, ok: 201},
		"DELETE /v1/proposals/:id/follow": {call: onProposal("/follow"), owner: leadA1, ok: 204},
		"GET /v1/me/notifications":        {public: "the caller's own inbox (privacy: owner only); TestNotificationsMarkRead"},
		"POST /v1/me/notifications/read":  {public: "the caller's own inbox (privacy: owner only); TestNotificationsMarkRead"},
		"GET /v1/units/:id/stats": {call: func(w *world) (string, any) {
			w.completedBy(w.resA1g1)
			return unitPath(w.A1, "/stats"), nil
		}, owner: leadA1, ok: 200},
	}
}
