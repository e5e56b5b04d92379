package handlers_test

import (
	"fmt"
	"testing"
)

func TestMembersCreate201GrantsResident(t *testing.T) {
	w := newWorld(t)
	p := w.newPerson("王大爷")
	w.do("GET", unitPath(w.A1g1, ""), p.Token, nil).want(404)
	m := w.do("POST", unitPath(w.A1g1, "/members"), w.guideA1g1.Token, map[string]any{
		"user_id": p.ID, "identities": []string{"resident", "building_head"}, "address": "3栋2单元401"}).want(201).obj()
	if m["phone"] == p.Phone || m["name"] != "王大爷" || int(m["verified_by"].(float64)) != w.guideA1g1.ID {
		t.Fatalf("member = %v", m)
	}
	// Membership made them a resident of the grid.
	w.do("GET", unitPath(w.A1g1, ""), p.Token, nil).want(200)
	me := w.do("GET", "/v1/me", p.Token, nil).want(200).obj()
	if len(me["memberships"].([]any)) != 1 || len(me["role_assignments"].([]any)) != 1 {
		t.Fatalf("me = %v", me)
	}
	if me["memberships"].([]any)[0].(map[string]any)["phone"] != p.Phone {
		t.Fatal("a member sees their own phone unmasked")
	}
	list := w.do("GET", unitPath(w.A1g1, "/members"), w.leadA1.Token, nil).want(200).obj()
	if len(list["items"].([]any)) != 1 {
		t.Fatalf("members = %v", list)
	}
	w.do("POST", unitPath(w.A1g1, "/members"), w.guideA1g1.Token, map[string]any{
		"user_id": p.ID, "identities": []string{"resident"}}).want(409)
}

func TestMembersCreate400And422(t *testing.T) {
	w := newWorld(t)
	for body, field := range map[string]string{
		`{"user_id":0,"identities":["resident"]}`:            "user_id",
		`{"user_id":1,"identities":[]}`:                      "identities",
		`{"user_id":1,"identities":["mayor"]}`:               "identities",
		`{"user_id":1,"identities":["resident","resident"]}`: "identities",
	} {
		r := w.do("POST", unitPath(w.A1, "/members"), w.leadA1.Token, body).want(400)
		if !namesField(r.obj(), field) {
			t.Fatalf("%s: %s", body, r.Body.String())
		}
	}
	w.do("POST", unitPath(w.A1, "/members"), w.leadA1.Token, `{"user_id":987654,"identities":["resident"]}`).want(422)
	w.do("POST", unitPath(w.A1, "/members"), w.resA1g1.Token, map[string]any{"user_id": w.leadA2.ID, "identities": []string{"resident"}}).want(404)
}

// TestMembersCreateSelf403: a membership grants the resident role, so
// staff may not verify themselves (DECISIONS 6) and gain a vote.
func TestMembersCreateSelf403(t *testing.T) {
	w := newWorld(t)
	w.do("POST", unitPath(w.A1g1, "/members"), w.guideA1g1.Token, map[string]any{
		"user_id": w.guideA1g1.ID, "identities": []string{"resident"}}).want(403)
	me := w.do("GET", "/v1/me", w.guideA1g1.Token, nil).want(200).obj()
	if n := len(me["role_assignments"].([]any)); n != 1 {
		t.Fatalf("guide holds %d roles after verifying themselves: %v", n, me)
	}
}

// TestMembersAddressControlCharacters400: a NUL in the address was a 500
// on PostgreSQL; control characters are bad input.
func TestMembersAddressControlCharacters400(t *testing.T) {
	w := newWorld(t)
	p := w.newPerson("王大爷")
	r := w.do("POST", unitPath(w.A1g1, "/members"), w.guideA1g1.Token,
		fmt.Sprintf(`{"user_id":%d,"identities":["resident"],"address":"3栋\u00002单元"}`, p.ID)).want(400)
	if !namesField(r.obj(), "address") {
		t.Fatalf("problem = %s", r.Body.String())
	}
}
