package handlers_test

import (
	"fmt"
	"strings"
	"testing"
)

// personCall is one way staff name a person by user_id: the path, who
// calls, and the body naming id.
type personCall struct {
	name string
	path func(w *world) string
	by   func(w *world) person
	body func(id int) map[string]any
	ok   int
}

func personCalls() []personCall {
	leadA1 := func(w *world) person { return w.leadA1 }
	return []personCall{
		{"member", func(w *world) string { return unitPath(w.A1g1, "/members") }, leadA1,
			func(id int) map[string]any { return map[string]any{"user_id": id, "identities": []string{"resident"}} }, 201},
		{"participant", func(w *world) string { return meetingURL(w.meeting("议事会"), "/participants") }, leadA1,
			func(id int) map[string]any { return map[string]any{"user_id": id, "identity": "resident_rep"} }, 201},
		{"organization member", func(w *world) string {
			return fmt.Sprintf("/v1/organizations/%d/members", w.organization("物业公司"))
		}, leadA1,
			func(id int) map[string]any { return map[string]any{"user_id": id, "role": "member"} }, 201},
		{"household member", func(w *world) string { return unitPath(w.A1g1, "/households") },
			func(w *world) person { return w.guideA1g1 },
			func(id int) map[string]any {
				return map[string]any{"address": fmt.Sprintf("9栋%d", id), "floor_area": 80, "member_user_ids": []int{id}}
			}, 201},
		{"role assignment", func(w *world) string { return unitPath(w.A1g1, "/role-assignments") },
			func(w *world) person { return w.adminA },
			func(id int) map[string]any { return map[string]any{"user_id": id, "role": "guide"} }, 201},
		{"task assignee", func(w *world) string { return proposalURL(w.approvedLoveSeat(), "/tasks") }, leadA1,
			func(id int) map[string]any {
				return taskBody("装椅子", 72*3600e9, map[string]any{"assignee_id": id})
			}, 0},
	}
}

// outsiderOfA is a user who belongs only to tenant B: a verified member
// of a B grid.
func (w *world) outsiderOfA() person {
	w.t.Helper()
	p := w.newPerson("B居民")
	w.do("POST", unitPath(w.B1g1, "/members"), w.leadB1.Token,
		map[string]any{"user_id": p.ID, "identities": []string{"resident"}}).want(201)
	return p
}

// sameAnswer is a body with the named id written as ID, so two answers
// about two ids compare alike.
func sameAnswer(r response, id int) string {
	return fmt.Sprintf("%d %s", r.Code, strings.ReplaceAll(r.Body.String(), fmt.Sprint(id), "ID"))
}

// TestPersonOutsideTheTenantReadsLikeNobody (issue 15): naming a user of
// another tenant, by any route that names people, answers exactly like
// naming an id of nobody; a person known to the tenant is accepted.
func TestPersonOutsideTheTenantReadsLikeNobody(t *testing.T) {
	w := newWorld(t)
	const nobody = 987654
	for _, c := range personCalls() {
		t.Run(c.name, func(t *testing.T) {
			foreign := map[string]int{"B member": w.outsiderOfA().ID, "B lead": w.leadB1.ID, "B admin": w.adminB.ID}
			path := c.path(w)
			want := sameAnswer(w.do("POST", path, c.by(w).Token, c.body(nobody)), nobody)
			if !strings.HasPrefix(want, "4") {
				t.Fatalf("an id of nobody answered %s", want)
			}
			for who, id := range foreign {
				if got := sameAnswer(w.do("POST", path, c.by(w).Token, c.body(id)), id); got != want {
					t.Errorf("%s answered\n%s\nbut nobody answers\n%s", who, got, want)
				}
			}
			if c.ok != 0 {
				known := w.member("本社区居民", w.A1g2)
				w.do("POST", path, c.by(w).Token, c.body(known.ID)).want(c.ok)
			}
		})
	}
}

// TestNewcomerMayJoinButNotBeNamedElsewhere (issue 15): a registered user
// of no tenant may be verified as a member or granted a role (that is how
// people arrive), but is nobody to a meeting, organization or household
// until then.
func TestNewcomerMayJoinButNotBeNamedElsewhere(t *testing.T) {
	w := newWorld(t)
	for _, c := range personCalls() {
		t.Run(c.name, func(t *testing.T) {
			newcomer := w.newPerson("新住户")
			r := w.do("POST", c.path(w), c.by(w).Token, c.body(newcomer.ID))
			switch c.name {
			case "member", "role assignment":
				r.want(201)
			default:
				if r.Code != 422 && r.Code != 400 {
					t.Fatalf("a newcomer answered %d: %s", r.Code, r.Body.String())
				}
			}
		})
	}
}
