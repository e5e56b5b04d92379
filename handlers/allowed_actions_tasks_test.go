package handlers_test

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// actionCase is one role's view of a resource: the person, and the
// allowed_actions the product promises them.
type actionCase struct {
	role string
	who  person
	want []string
}

// actionsOf reads allowed_actions from a decoded resource.
func actionsOf(t *testing.T, m map[string]any) []string {
	t.Helper()
	raw, ok := m["allowed_actions"].([]any)
	if !ok {
		t.Fatalf("allowed_actions missing or not a list in %v", m)
	}
	out := []string{}
	for _, a := range raw {
		out = append(out, a.(string))
	}
	return out
}

// checkAction asserts the allowed_actions contract for one attempt: a
// listed action does not answer 403 (it succeeds here), an unlisted one
// answers 403 or 409 and never succeeds.
func checkAction(t *testing.T, c actionCase, action string, listed bool, r response) {
	t.Helper()
	switch {
	case listed && (r.Code == 403 || r.Code >= 300):
		t.Errorf("%s: listed %q answered %d: %s", c.role, action, r.Code, r.Body.String())
	case !listed && r.Code != 403 && r.Code != 409:
		t.Errorf("%s: unlisted %q answered %d, want 403 or 409: %s", c.role, action, r.Code, r.Body.String())
	}
}

// TestTaskAllowedActionsMatchTheRoutes: for each role, a task lists
// exactly the actions its routes would let the caller take, on the task
// itself and in every list that shows it.
func TestTaskAllowedActionsMatchTheRoutes(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	assignee := w.implementer("志愿者小刘", w.A1g1)
	cases := []actionCase{
		{"lead", w.leadA1, []string{"update", "report"}},
		{"guide", w.guideA1g1, []string{}},
		{"implementer assignee", assignee, []string{"report"}},
		{"implementer not assigned", w.implementer("志愿者小王", w.A1g1), []string{}},
		{"resident", w.resA1g1, []string{}},
		{"tenant_admin", w.adminA, []string{}},
	}
	for _, c := range cases {
		id := w.createTask(pid, taskBody("张贴使用说明 "+c.role, 7*24*time.Hour, map[string]any{"assignee_id": assignee.ID}))
		task := w.do("GET", taskURL(id, ""), c.who.Token, nil).want(200).obj()
		got := actionsOf(t, task)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: allowed_actions = %v, want %v", c.role, got, c.want)
		}
		// Every list that shows the task to this caller agrees with it.
		for _, list := range []string{proposalURL(pid, "/tasks?limit=200"), unitPath(w.A1g1, "/tasks?limit=200"), "/v1/me/tasks?limit=200"} {
			r := w.do("GET", list, c.who.Token, nil)
			if r.Code != 200 || taskItems(r)[id] == nil {
				continue
			}
			if l := actionsOf(t, taskItems(r)[id]); !slices.Equal(l, got) {
				t.Errorf("%s: %s says %v, the task says %v", c.role, list, l, got)
			}
		}
		report := w.do("POST", taskURL(id, "/reports"), c.who.Token, map[string]any{"percent": 40, "note": "进展"})
		checkAction(t, c, "report", slices.Contains(got, "report"), report)
		update := w.do("PATCH", taskURL(id, ""), c.who.Token, map[string]any{"title": "张贴使用说明（改）"})
		checkAction(t, c, "update", slices.Contains(got, "update"), update)
	}
}

// TestOrganizationAllowedActionsMatchTheRoutes: each organization in a
// unit's list names add_member exactly for those its route lets add one.
func TestOrganizationAllowedActionsMatchTheRoutes(t *testing.T) {
	w := newWorld(t)
	created := w.do("POST", unitPath(w.A1g1, "/organizations"), w.guideA1g1.Token,
		map[string]any{"name": "四邻志愿队", "kind": "self_organization"}).want(201).obj()
	if got := actionsOf(t, created); !slices.Equal(got, []string{"add_member"}) {
		t.Fatalf("the creating guide's allowed_actions = %v", got)
	}
	org := int(created["id"].(float64))
	cases := []actionCase{
		{"lead", w.leadA1, []string{"add_member"}},
		{"guide", w.guideA1g1, []string{"add_member"}},
		{"implementer", w.implementer("物业代表", w.A1g1), []string{}},
		{"resident", w.resA1g1, []string{}},
		{"tenant_admin", w.adminA, []string{"add_member"}},
	}
	for _, c := range cases {
		var row map[string]any
		for _, it := range w.do("GET", unitPath(w.A1g1, "/organizations"), c.who.Token, nil).want(200).obj()["items"].([]any) {
			if m := it.(map[string]any); int(m["id"].(float64)) == org {
				row = m
			}
		}
		if row == nil {
			t.Fatalf("%s: the organization is not listed", c.role)
		}
		got := actionsOf(t, row)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: allowed_actions = %v, want %v", c.role, got, c.want)
		}
		r := w.do("POST", fmt.Sprintf("/v1/organizations/%d/members", org), c.who.Token,
			map[string]any{"user_id": w.member("队员 "+c.role, w.A1g1).ID, "role": "member"})
		checkAction(t, c, "add_member", slices.Contains(got, "add_member"), r)
	}
}
