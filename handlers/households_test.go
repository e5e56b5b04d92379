package handlers_test

import (
	"slices"
	"strings"
	"testing"
)

func TestHouseholdCreate201ListAnd400(t *testing.T) {
	w := newWorld(t)
	owner := w.member("户主", w.A1g1)
	h := w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, map[string]any{
		"address": " 7栋301 ", "floor_area": 89.37, "owner_name": "王建国", "owner_phone": "13800000001",
		"member_user_ids": []int{owner.ID, owner.ID}}).want(201).obj()
	if h["address"] != "7栋301" || h["floor_area"] != 89.37 || len(h["member_user_ids"].([]any)) != 1 {
		t.Fatalf("created = %v", h)
	}
	bad := w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, map[string]any{
		"address": "", "floor_area": 1.005, "owner_phone": "12345"}).want(400)
	if got := voteFields(bad); !slices.Equal(got, []string{"address", "floor_area", "owner_phone"}) {
		t.Fatalf("fields %v", got)
	}
	w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, map[string]any{
		"address": "7栋302", "floor_area": 50, "member_user_ids": []int{999999}}).want(400)
	wantCode(t, w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, map[string]any{
		"address": "7栋301", "floor_area": 50}), 409, "household.exists")
	list := w.do("GET", unitPath(w.A1, "/households"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["owner_phone"] != "13800000001" {
		t.Fatalf("list = %v", list)
	}
	w.do("GET", unitPath(w.A1g1, "/households"), owner.Token, nil).want(403)
	w.do("POST", unitPath(w.A1g1, "/households"), owner.Token, map[string]any{"address": "x", "floor_area": 1}).want(403)
}

// TestHouseholdImportWritesNothingWhenARowIsBad: every bad row is named
// ("row 3: floor_area"), and the good rows are not written either.
func TestHouseholdImportWritesNothingWhenARowIsBad(t *testing.T) {
	w := newWorld(t)
	m := w.member("户主", w.A1g1)
	w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, map[string]any{"address": "8栋101", "floor_area": 70}).want(201)
	csv := "address,floor_area,owner_name,owner_phone,member_phones\n" +
		"8栋102,88.5,李阿姨,,\n" +
		"8栋103,九十,王,,\n" +
		"8栋101,70,,,\n" +
		"8栋104,60,,,13912345678;" + m.Phone + "\n" +
		"8栋102,60,,,\n" +
		"8栋105,60\n"
	r := w.postCSV(w.A1g1, w.guideA1g1, csv)
	wantCode(t, r, 400, "household.import_invalid")
	got := strings.Join(voteFields(r), "|")
	want := "row 3: floor_area|row 4: address|row 5: member_phones|row 6: address|row 7: row"
	if got != want {
		t.Fatalf("errors %q, want %q", got, want)
	}
	list := w.do("GET", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, nil).want(200).obj()["items"].([]any)
	if len(list) != 1 {
		t.Fatalf("a bad import wrote %d households", len(list)-1)
	}
	ok := "address,floor_area,member_phones\n8栋102,88.5," + m.Phone + "\n8栋103,90,\n"
	res := w.postCSV(w.A1g1, w.guideA1g1, ok).want(201).obj()
	if res["households"].(float64) != 2 || res["members"].(float64) != 1 {
		t.Fatalf("import = %v", res)
	}
	w.postCSV(w.A1g1, m, ok).want(403)
	w.postCSV(w.A1g1, w.guideA1g1, "").want(400)
	w.do("POST", unitPath(w.A1g1, "/households/import"), w.guideA1g1.Token, `{"address":"x"}`).want(400)
}
