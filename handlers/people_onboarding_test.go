package handlers_test

import (
	"fmt"
	"testing"
)

// peopleMatrix lists the issue-11 routes for the isolation matrix.
func peopleMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	unit := func(suffix string) func(w *world) (string, any) {
		return func(w *world) (string, any) { return unitPath(w.A1, suffix), nil }
	}
	return map[string]routeCase{
		// Anyone of the tenant (or of no tenant yet) may ask to join any
		// grid of it; another tenant's people get 404.
		"POST /v1/units/:id/membership-requests": {sameTenantAllowed: true, ok: 201, owner: func(w *world) person { return w.newPerson("新来的") },
			call: func(w *world) (string, any) {
				return unitPath(w.A1g1, "/membership-requests"), map[string]any{"identities": []string{"resident"}}
			}},
		"GET /v1/units/:id/membership-requests": {call: unit("/membership-requests?status=pending"), owner: leadA1, ok: 200},
		"POST /v1/membership-requests/:id/approve": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/membership-requests/%d/approve", w.membershipRequest(w.A1g1)), map[string]any{}
		}},
		"POST /v1/membership-requests/:id/reject": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/membership-requests/%d/reject", w.membershipRequest(w.A1g1)), map[string]any{"note": "x"}
		}},
		"POST /v1/units/:id/invitations": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			return unitPath(w.A1, "/invitations"), map[string]any{"phone": fmt.Sprintf("137%08d", w.phones.Add(1)), "name": "王大爷"}
		}},
		"GET /v1/units/:id/invitations": {call: unit("/invitations"), owner: leadA1, ok: 200},
		"DELETE /v1/invitations/:id": {owner: leadA1, ok: 204, call: func(w *world) (string, any) {
			id := w.do("POST", unitPath(w.A1g1, "/invitations"), w.leadA1.Token,
				map[string]any{"phone": fmt.Sprintf("137%08d", w.phones.Add(1)), "name": "赵阿姨"}).want(201).id()
			return fmt.Sprintf("/v1/invitations/%d", id), nil
		}},
		"POST /v1/units/:id/talents": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			return unitPath(w.A1, "/talents"), map[string]any{"name": "锦华王师傅", "skills": []string{"木工"}, "source": "home_visit"}
		}},
		"GET /v1/units/:id/talents":       {call: unit("/talents"), owner: leadA1, ok: 200},
		"GET /v1/units/:id/talents/stats": {call: unit("/talents/stats"), owner: leadA1, ok: 200},
		"GET /v1/talents/:id": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/talents/%d", w.talent(w.A1g1, "木工")), nil
		}},
		"PATCH /v1/talents/:id": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/talents/%d", w.talent(w.A1g1, "木工")), map[string]any{"profile": "退休木匠"}
		}},
		"POST /v1/talents/:id/records": {owner: leadA1, ok: 201, call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/talents/%d/records", w.talent(w.A1g1, "木工")),
				map[string]any{"kind": "award", "title": "微创投大赛二等奖", "occurred_on": "2022-05-20T00:00:00Z"}
		}},
		"GET /v1/proposals/:id/talent-suggestions": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			return proposalURL(w.submittedProposal(), "/talent-suggestions"), nil
		}},
	}
}

// membershipRequest has a new person ask to join unit and returns the id.
func (w *world) membershipRequest(unit int) int {
	w.t.Helper()
	p := w.newPerson(fmt.Sprintf("申请人%d", w.phones.Add(1)))
	return w.do("POST", unitPath(unit, "/membership-requests"), p.Token,
		map[string]any{"building": "3栋", "unit": "2单元", "room": "401", "identities": []string{"resident"}}).want(201).id()
}

// talent records a named talent at unit with skills and returns its id.
func (w *world) talent(unit int, skills ...string) int {
	w.t.Helper()
	return w.do("POST", unitPath(unit, "/talents"), w.leadA1.Token, map[string]any{
		"name": fmt.Sprintf("能人%d", w.phones.Add(1)), "skills": skills, "source": "home_visit"}).want(201).id()
}

func inbox(w *world, p person) []map[string]any {
	w.t.Helper()
	items := w.do("GET", "/v1/me/notifications", p.Token, nil).want(200).obj()["items"].([]any)
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		out = append(out, it.(map[string]any))
	}
	return out
}

// TestMembershipRequestApprovedAndRejected: a newcomer asks to join a grid
// with address and identities; the grid guide sees it pending, approves
// it (the membership and resident role exist, the requester is notified);
// a second request is rejected with a note (notified too). Duplicates are
// 409; a resident cannot list; nobody approves their own request.
func TestMembershipRequestApprovedAndRejected(t *testing.T) {
	w := newWorld(t)
	newcomer := w.newPerson("新居民小周")
	body := map[string]any{"building": "3栋", "unit": "2单元", "room": "401", "identities": []string{"resident", "building_head"}}
	path := unitPath(w.A1g1, "/membership-requests")
	w.do("POST", path, newcomer.Token, map[string]any{"identities": []string{"king"}}).want(400)
	rid := w.do("POST", path, newcomer.Token, body).want(201).id()
	w.do("POST", path, newcomer.Token, body).want(409)
	w.do("POST", unitPath(w.A1g1, "/membership-requests"), w.adminB.Token, body).want(404) // other tenant: like unknown
	w.do("POST", unitPath(w.A, "/membership-requests"), newcomer.Token, body).want(404)    // not a subdistrict

	page := w.do("GET", unitPath(w.A1, "/membership-requests?status=pending"), w.leadA1.Token, nil).want(200).obj()
	if items := page["items"].([]any); len(items) != 1 || items[0].(map[string]any)["room"] != "401" {
		t.Fatalf("lead's pending list = %v", page)
	}
	w.do("GET", unitPath(w.A1g1, "/membership-requests?status=maybe"), w.guideA1g1.Token, nil).want(400)
	w.do("GET", unitPath(w.A1g1, "/membership-requests"), w.resA1g1.Token, nil).want(403)

	approved := w.do("POST", fmt.Sprintf("/v1/membership-requests/%d/approve", rid), w.guideA1g1.Token,
		map[string]any{"note": "已核实"}).want(200).obj()
	if approved["status"] != "approved" {
		t.Fatalf("approve = %v", approved)
	}
	w.do("POST", fmt.Sprintf("/v1/membership-requests/%d/reject", rid), w.guideA1g1.Token, nil).want(409)
	w.do("POST", path, newcomer.Token, body).want(409) // now a member
	me := w.do("GET", "/v1/me", newcomer.Token, nil).want(200).obj()
	if ms := me["memberships"].([]any); len(ms) != 1 || ms[0].(map[string]any)["address"] != "3栋 2单元 401" {
		t.Fatalf("memberships after approval = %v", me["memberships"])
	}
	// The resident role came with it: the newcomer can file a proposal.
	w.do("POST", unitPath(w.A1g1, "/proposals"), newcomer.Token, loveSeat("online")).want(201)
	if n := inbox(w, newcomer); len(n) != 1 || n[0]["kind"] != "membership_approved" || n[0]["membership_request_id"] != float64(rid) {
		t.Fatalf("inbox after approval = %v", n)
	}

	other := w.newPerson("外来人")
	rid2 := w.do("POST", path, other.Token, body).want(201).id()
	w.do("POST", fmt.Sprintf("/v1/membership-requests/%d/reject", rid2), other.Token, nil).want(403) // own request, no role
	w.do("POST", fmt.Sprintf("/v1/membership-requests/%d/reject", rid2), w.leadA2.Token, nil).want(404)
	w.do("POST", fmt.Sprintf("/v1/membership-requests/%d/reject", rid2), w.leadA1.Token, map[string]any{"note": "不在本小区"}).want(200)
	if n := inbox(w, other); len(n) != 1 || n[0]["kind"] != "membership_rejected" || n[0]["body"] != "不在本小区" {
		t.Fatalf("inbox after rejection = %v", n)
	}
	if ms := w.do("GET", "/v1/me", other.Token, nil).want(200).obj()["memberships"].([]any); len(ms) != 0 {
		t.Fatalf("rejected person has memberships %v", ms)
	}
}

// TestInvitationClaimedAtRegistration: staff invite a phone; registering
// with it creates the membership and the resident role; a revoked
// invitation creates nothing.
func TestInvitationClaimedAtRegistration(t *testing.T) {
	w := newWorld(t)
	phone, revoked := "13700001111", "13700002222"
	w.do("POST", unitPath(w.A1g1, "/invitations"), w.guideA1g1.Token, map[string]any{"phone": "12", "name": ""}).want(400)
	w.do("POST", unitPath(w.A1g1, "/invitations"), w.guideA1g1.Token,
		map[string]any{"phone": phone, "name": "王大爷", "identities": []string{"resident", "building_head"}}).want(201)
	w.do("POST", unitPath(w.A1g1, "/invitations"), w.guideA1g1.Token, map[string]any{"phone": phone, "name": "王大爷"}).want(409)
	rid := w.do("POST", unitPath(w.A1g1, "/invitations"), w.guideA1g1.Token, map[string]any{"phone": revoked, "name": "钱阿姨"}).want(201).id()
	if items := w.do("GET", unitPath(w.A1, "/invitations"), w.leadA1.Token, nil).want(200).obj()["items"].([]any); len(items) != 2 {
		t.Fatalf("pending invitations = %v", items)
	}
	w.do("DELETE", fmt.Sprintf("/v1/invitations/%d", rid), w.resA1g1.Token, nil).want(403)
	w.do("DELETE", fmt.Sprintf("/v1/invitations/%d", rid), w.guideA1g1.Token, nil).want(204)
	w.do("DELETE", fmt.Sprintf("/v1/invitations/%d", rid), w.guideA1g1.Token, nil).want(409)

	for _, ph := range []string{phone, revoked} {
		w.registerWithCode(ph, "password-"+ph, "新用户").want(201)
	}
	tok := func(ph string) string {
		return w.do("POST", "/v1/auth/login", "", map[string]string{"phone": ph, "password": "password-" + ph}).want(200).obj()["access_token"].(string)
	}
	me := w.do("GET", "/v1/me", tok(phone), nil).want(200).obj()
	ms := me["memberships"].([]any)
	if len(ms) != 1 || ms[0].(map[string]any)["unit_id"] != float64(w.A1g1) {
		t.Fatalf("invited person's memberships = %v", ms)
	}
	w.do("POST", unitPath(w.A1g1, "/proposals"), tok(phone), loveSeat("online")).want(201)
	if ms := w.do("GET", "/v1/me", tok(revoked), nil).want(200).obj()["memberships"].([]any); len(ms) != 0 {
		t.Fatalf("revoked invitation made a membership: %v", ms)
	}
	if items := w.do("GET", unitPath(w.A1, "/invitations"), w.leadA1.Token, nil).want(200).obj()["items"].([]any); len(items) != 0 {
		t.Fatalf("claimed invitation still pending: %v", items)
	}
}

// TestMemberSearchSubtree: a community lead lists and searches the members
// of its grids by name, full phone, identity, grid and talent skill; a
// resident cannot; another tenant's phone is not found.
func TestMemberSearchSubtree(t *testing.T) {
	w := newWorld(t)
	li := w.member("李阿姨", w.A1g1)
	wang := w.member("王师傅", w.A1g2)
	w.do("POST", unitPath(w.A1g2, "/talents"), w.leadA1.Token, map[string]any{"user_id": wang.ID, "name": "王师傅",
		"skills": []string{"木工"}, "source": "home_visit"}).want(201)
	outsider := w.newPerson("B居民")
	w.do("POST", unitPath(w.B1g1, "/members"), w.leadB1.Token, map[string]any{"user_id": outsider.ID, "identities": []string{"resident"}}).want(201)

	names := func(path string) []string {
		t.Helper()
		var out []string
		for _, it := range w.do("GET", path, w.leadA1.Token, nil).want(200).obj()["items"].([]any) {
			out = append(out, it.(map[string]any)["name"].(string))
		}
		return out
	}
	if got := names(unitPath(w.A1, "/members")); len(got) < 2 {
		t.Fatalf("subtree list = %v", got)
	}
	if got := names(unitPath(w.A1, "/members?q=李阿")); len(got) != 1 || got[0] != "李阿姨" {
		t.Fatalf("name search = %v", got)
	}
	if got := names(unitPath(w.A1, "/members?q="+wang.Phone)); len(got) != 1 || got[0] != "王师傅" {
		t.Fatalf("phone search = %v", got)
	}
	if got := names(unitPath(w.A1, "/members?q="+wang.Phone[:7])); len(got) != 0 {
		t.Fatalf("partial phone found %v", got)
	}
	if got := names(unitPath(w.A1, "/members?q="+outsider.Phone)); len(got) != 0 {
		t.Fatalf("other tenant's phone found %v", got)
	}
	if got := names(unitPath(w.A1, fmt.Sprintf("/members?grid=%d", w.A1g1))); len(got) != 1 || got[0] != "李阿姨" {
		t.Fatalf("grid filter = %v", got)
	}
	if got := names(unitPath(w.A1, "/members?skill=木工")); len(got) != 1 || got[0] != "王师傅" {
		t.Fatalf("skill filter = %v", got)
	}
	if got := names(unitPath(w.A1, "/members?identity=building_head")); len(got) != 0 {
		t.Fatalf("identity filter = %v", got)
	}
	w.do("GET", unitPath(w.A1, "/members?identity=king"), w.leadA1.Token, nil).want(400)
	w.do("GET", unitPath(w.A1g1, "/members?q="+li.Phone), w.resA1g1.Token, nil).want(403)
	w.do("GET", unitPath(w.A1, "/members?q="+li.Phone), w.leadB1.Token, nil).want(404)
}
