package handlers_test

import (
	"fmt"
	"testing"
)

// TestHouseholdImportAuditsEachHousehold (issue 15): an import records
// every household it writes, as the single-household route does: who
// imported it, its address, floor area and member ids, marked via import,
// in the audit log the tenant's admin reads.
func TestHouseholdImportAuditsEachHousehold(t *testing.T) {
	w := newWorld(t)
	a, b := w.member("王伯", w.A1g1), w.member("赵姐", w.A1g1)
	w.postCSV(w.A1g1, w.guideA1g1, "address,floor_area,member_phones\n"+
		"1栋101,88.5,"+a.Phone+";"+b.Phone+"\n1栋102,60,\n1栋103,120.25,"+b.Phone+"\n").want(201)
	hs := w.do("GET", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, nil).want(200).obj()["items"].([]any)
	if len(hs) != 3 {
		t.Fatalf("%d households imported", len(hs))
	}
	logged := map[int]map[string]any{}
	for _, e := range w.do("GET", unitPath(w.A1g1, "/audit-log?limit=200"), w.adminA.Token, nil).want(200).obj()["items"].([]any) {
		m := e.(map[string]any)
		if m["action"] != "household.create" {
			continue
		}
		if m["actor"] != fmt.Sprintf("u:%d", w.guideA1g1.ID) || m["target_type"] != "household" {
			t.Fatalf("entry %v", m)
		}
		logged[int(m["target_id"].(float64))] = m["detail"].(map[string]any)
	}
	for _, h := range hs {
		h := h.(map[string]any)
		d, ok := logged[int(h["id"].(float64))]
		if !ok {
			t.Fatalf("household %v is not in the audit log (%d entries)", h["address"], len(logged))
		}
		if d["via"] != "import" || d["address"] != h["address"] || d["floor_area"] != h["floor_area"] ||
			fmt.Sprint(d["member_user_ids"]) != fmt.Sprint(orEmpty(h["member_user_ids"])) {
			t.Fatalf("audit %v for household %v", d, h)
		}
	}
}

// orEmpty reads a JSON array that may be null as a list.
func orEmpty(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{}
}
