package handlers_test

import "fmt"

// proposalMatrix lists the proposal routes for the isolation matrix. The
// target proposal is filed by a resident of grid A1g1 and submitted.
func proposalMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	onProposal := func(suffix string) func(w *world) (string, any) {
		return func(w *world) (string, any) {
			return fmt.Sprintf("/v1/proposals/%d%s", w.submittedProposal(), suffix), nil
		}
	}
	return map[string]routeCase{
		"GET /v1/units/:id/proposals": {call: func(w *world) (string, any) {
			w.submittedProposal()
			return unitPath(w.A1, "/proposals"), nil
		}, owner: leadA1, ok: 200},
		"POST /v1/units/:id/proposals": {call: func(w *world) (string, any) {
			return unitPath(w.A1g1, "/proposals"), loveSeat("mailbox")
		}, owner: func(w *world) person { return w.guideA1g1 }, ok: 201},
		"GET /v1/proposals/:id": {call: onProposal(""), owner: leadA1, ok: 200},
		"PATCH /v1/proposals/:id": {call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/proposals/%d", w.submittedProposal()), map[string]any{"title": "转角遇到爱心椅（定名）"}
		}, owner: leadA1, ok: 200},
		"GET /v1/proposals/:id/events":   {call: onProposal("/events"), owner: leadA1, ok: 200},
		"GET /v1/proposals/:id/comments": {call: onProposal("/comments"), owner: leadA1, ok: 200},
		"POST /v1/proposals/:id/comments": {call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/proposals/%d/comments", w.submittedProposal()), map[string]any{"body": "同意"}
		}, owner: leadA1, ok: 201},
		"POST /v1/proposals/:id/:action": {call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/proposals/%d/return", w.submittedProposal()), map[string]any{"note": "请补充楼栋号"}
		}, owner: leadA1, ok: 200},
	}
}

// loveSeat is the article's mailbox letter as a proposal body, entered
// by a guide for an unregistered child's family.
func loveSeat(channel string) map[string]any {
	body := map[string]any{
		"title": "转角遇到爱心椅", "kind": "individual", "channel": channel, "category_code": "E01",
		"body": "我爷爷年纪大了，每次上楼都要在楼梯上歇好几次。希望在楼道转角放几把椅子，让老人上下楼可以坐下歇脚。",
	}
	if channel != "online" {
		body["author_name"], body["author_phone"] = "小明家长", "13812341234"
	}
	return body
}

// submittedProposal files and submits an online proposal by the resident
// of A1g1 and returns its id.
func (w *world) submittedProposal() int {
	w.t.Helper()
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	w.do("POST", fmt.Sprintf("/v1/proposals/%d/submit", id), w.resA1g1.Token, nil).want(200)
	return id
}
