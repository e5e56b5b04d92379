package handlers_test

import (
	"fmt"
	"testing"
	"time"
)

// organizationRosterMatrix lists the roster routes for the isolation matrix.
func organizationRosterMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	org := func(suffix string) func(w *world) (string, any) {
		return func(w *world) (string, any) {
			return fmt.Sprintf("/v1/organizations/%d%s", w.organization("志愿队"), suffix), nil
		}
	}
	return map[string]routeCase{
		"POST /v1/tasks/:id/delegate": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			o := w.organization("志愿队")
			p := w.member("队员", w.A1)
			w.do("POST", fmt.Sprintf("/v1/organizations/%d/members", o), w.leadA1.Token, map[string]any{"user_id": p.ID, "role": "member"}).want(201)
			task := w.createTask(w.approvedLoveSeat(), taskBody("安装折叠椅", 72*time.Hour, map[string]any{"organization_id": o}))
			return taskURL(task, "/delegate"), map[string]any{"user_id": p.ID}
		}},
		"GET /v1/organizations/:id":         {call: org(""), owner: leadA1, ok: 200},
		"GET /v1/organizations/:id/members": {call: org("/members"), owner: leadA1, ok: 200},
		"PATCH /v1/organizations/:id": {owner: leadA1, ok: 200, call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/organizations/%d", w.organization("志愿队")), map[string]any{"description": "四邻一家亲"}
		}},
		"DELETE /v1/organizations/:id/members/:user_id": {owner: leadA1, ok: 204, call: func(w *world) (string, any) {
			o := w.organization("志愿队")
			p := w.member("队员", w.A1)
			w.do("POST", fmt.Sprintf("/v1/organizations/%d/members", o), w.leadA1.Token, map[string]any{"user_id": p.ID, "role": "member"}).want(201)
			return fmt.Sprintf("/v1/organizations/%d/members/%d", o, p.ID), nil
		}},
	}
}

// TestOrganizationRostersAndTaskReporting: a self-organization's roster is
// read, edited and shown on /v1/me (with what the caller leads); a task
// assigned to it is reported on by a resident member without an
// implementer grant, while a resident outside it cannot.
func TestOrganizationRostersAndTaskReporting(t *testing.T) {
	w := newWorld(t)
	org := w.do("POST", unitPath(w.A1, "/organizations"), w.leadA1.Token, map[string]any{"name": "四邻志愿服务队", "kind": "self_organization"}).want(201).id()
	leader, member := w.member("李阿姨", w.A1g1), w.member("王大爷", w.A1g1)
	outsider := w.member("张阿姨", w.A1g1)
	orgURL := fmt.Sprintf("/v1/organizations/%d", org)
	w.do("POST", orgURL+"/members", w.leadA1.Token, map[string]any{"user_id": leader.ID, "role": "leader"}).want(201)
	w.do("POST", orgURL+"/members", w.leadA1.Token, map[string]any{"user_id": member.ID, "role": "member"}).want(201)

	if got := w.do("GET", orgURL, w.leadA1.Token, nil).want(200).obj(); got["name"] != "四邻志愿服务队" {
		t.Fatalf("organization = %v", got)
	}
	roster := w.do("GET", orgURL+"/members", w.leadA1.Token, nil).want(200).obj()["items"].([]any)
	if len(roster) != 2 || roster[0].(map[string]any)["name"] != "李阿姨" || roster[0].(map[string]any)["role"] != "leader" {
		t.Fatalf("roster = %v", roster)
	}
	w.do("PATCH", orgURL, w.leadA1.Token, map[string]any{"status": "gone"}).want(400)
	if got := w.do("PATCH", orgURL, w.leadA1.Token, map[string]any{"description": "邻里互助"}).want(200).obj(); got["description"] != "邻里互助" {
		t.Fatalf("patched = %v", got)
	}
	orgs := w.do("GET", "/v1/me", leader.Token, nil).want(200).obj()["organizations"].([]any)
	if len(orgs) != 1 || orgs[0].(map[string]any)["role"] != "leader" || orgs[0].(map[string]any)["name"] != "四邻志愿服务队" {
		t.Fatalf("leader's organizations = %v", orgs)
	}

	pid := w.approvedLoveSeat()
	task := w.createTask(pid, taskBody("楼道转角安装折叠椅", 72*time.Hour, map[string]any{"organization_id": org}))
	w.act(w.leadA1, pid, "start", nil).want(200)
	w.report(member, task, 30, "已装好一楼").want(201)
	w.report(leader, task, 60, "三楼完成").want(201)
	w.report(outsider, task, 90, "冒名").want(403)

	// The leader assigns it on to a member; nobody else may, and only to
	// someone on the roster.
	w.do("POST", taskURL(task, "/delegate"), member.Token, map[string]any{"user_id": member.ID}).want(403)
	w.do("POST", taskURL(task, "/delegate"), leader.Token, map[string]any{"user_id": outsider.ID}).want(422)
	w.do("POST", taskURL(task, "/delegate"), leader.Token, map[string]any{"user_id": 0}).want(400)
	got := w.do("POST", taskURL(task, "/delegate"), leader.Token, map[string]any{"user_id": member.ID}).want(200).obj()
	if got["assignee_id"] != float64(member.ID) || got["organization_id"] != float64(org) {
		t.Fatalf("delegated task = %v", got)
	}
	w.do("POST", taskURL(task, "/delegate"), w.leadB1.Token, map[string]any{"user_id": member.ID}).want(404)

	w.do("DELETE", fmt.Sprintf("%s/members/%d", orgURL, member.ID), w.resA1g1.Token, nil).want(404)
	w.do("DELETE", fmt.Sprintf("%s/members/%d", orgURL, member.ID), w.leadA1.Token, nil).want(204)
	w.do("DELETE", fmt.Sprintf("%s/members/%d", orgURL, member.ID), w.leadA1.Token, nil).want(404)
	w.report(member, task, 80, "已退出").want(403)
	if orgs := w.do("GET", "/v1/me", member.Token, nil).want(200).obj()["organizations"].([]any); len(orgs) != 0 {
		t.Fatalf("removed member still lists %v", orgs)
	}
}
