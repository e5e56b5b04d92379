package handlers_test

import (
	"context"
	"errors"
	"testing"

	"yishi/ent/auditlog"
	"yishi/ent/household"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// household enters a dwelling at A1g1 as the lead of A1 with members, and
// returns its id.
func (w *world) household(address string, area float64, members ...person) int {
	w.t.Helper()
	ids := make([]int, 0, len(members))
	for _, m := range members {
		ids = append(ids, m.ID)
	}
	return w.do("POST", unitPath(w.A1g1, "/households"), w.leadA1.Token, map[string]any{
		"address": address, "floor_area": area, "member_user_ids": ids}).want(201).id()
}

// TestHouseholdSelfEntry403: nobody enters themselves in a household,
// one at a time or by import; someone else may, and the audit log names
// who set the members and the area.
func TestHouseholdSelfEntry403(t *testing.T) {
	w := newWorld(t)
	guide := w.guideA1g1
	wantCode(t, w.do("POST", unitPath(w.A1g1, "/households"), guide.Token, map[string]any{
		"address": "10栋101", "floor_area": 300, "member_user_ids": []int{guide.ID}}), 403, "household.self_entry")
	wantCode(t, w.postCSV(w.A1g1, guide, "address,floor_area,member_phones\n10栋102,300,"+guide.Phone+"\n"),
		403, "household.self_entry")
	if n := len(w.do("GET", unitPath(w.A1g1, "/households"), guide.Token, nil).want(200).obj()["items"].([]any)); n != 0 {
		t.Fatalf("a refused self-entry wrote %d households", n)
	}
	id := w.household("10栋101", 72.5, guide)
	ctx := viewer.SystemContext(context.Background())
	e := w.st.Client.AuditLog.Query().Where(auditlog.Action("household.create"), auditlog.TargetID(id)).OnlyX(ctx)
	ids, _ := e.Detail["member_user_ids"].([]any)
	if e.Actor != "u:"+itoa(w.leadA1.ID) || e.Detail["floor_area"] != 72.5 || len(ids) != 1 || ids[0] != float64(guide.ID) {
		t.Fatalf("audit = %s %v", e.Actor, e.Detail)
	}
}

// TestHouseholdOwnAreaRefused: no API route edits a household, so the
// rule is held where every write passes: a member of a household cannot
// change its floor area, someone else can.
func TestHouseholdOwnAreaRefused(t *testing.T) {
	w := newWorld(t)
	guide := w.guideA1g1
	id := w.household("11栋101", 72.5, guide)
	sys := viewer.SystemContext(context.Background())
	path := w.st.Client.Household.GetX(sys, id).UnitPath
	as := func(p person) context.Context {
		return viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:" + itoa(p.ID), UserID: p.ID,
			Scopes: []string{path}, StaffScopes: []string{path}})
	}
	err := w.st.Client.Household.UpdateOneID(id).SetFloorArea(300).Exec(as(guide))
	if e, ok := apperr.As(err); !ok || e.Code != "household.self_entry" {
		t.Fatalf("own area change: %v", err)
	}
	err = w.st.Client.Household.Update().Where(household.ID(id)).AddFloorArea(10).Exec(as(guide))
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != "household.self_entry" {
		t.Fatalf("own area change in bulk: %v", err)
	}
	if err := w.st.Client.Household.UpdateOneID(id).SetFloorArea(73.5).Exec(as(w.leadA1)); err != nil {
		t.Fatalf("another person's correction: %v", err)
	}
	if got := w.st.Client.Household.GetX(sys, id).FloorArea; got != 73.5 {
		t.Fatalf("area = %v", got)
	}
}
