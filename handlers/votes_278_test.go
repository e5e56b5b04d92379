package handlers_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestVoteCivilCode278FailsOnAreaPassesOnHeadcount: nine households,
// imported from a guide's CSV, decide a property matter. The six small
// flats approve and the three large ones object: 6 of 9 households, but
// only 360 of 960 m² — so the double majority fails on floor area.
func TestVoteCivilCode278FailsOnAreaPassesOnHeadcount(t *testing.T) {
	w := newWorld(t)
	owners := make([]person, 9)
	var csv strings.Builder
	csv.WriteString("address,floor_area,owner_name,member_phones\n")
	for i := range owners {
		owners[i] = w.member(fmt.Sprintf("业主%d", i), w.A1g1)
		area := "60"
		if i >= 6 {
			area = "200"
		}
		fmt.Fprintf(&csv, "5栋%d01,%s,业主%d,%s\n", i+1, area, i, owners[i].Phone)
	}
	spouse := w.member("业主0的配偶", w.A1g1)
	csv.WriteString("5栋1001,0.5,空置车位,\n") // never votes: counts in the roll only
	w.postCSV(w.A1g1, w.guideA1g1, csv.String()).want(201)
	w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, map[string]any{
		"address": "5栋101", "floor_area": 60, "member_user_ids": []int{spouse.ID}}).want(409)
	bad := map[string]any{"rule": "civil_code_278", "eligibility": "households"}
	w.do("POST", unitPath(w.A1g1, "/votes"), w.leadA1.Token, voteBody("x", []string{"同意", "反对"}, bad)).want(400)
	body := voteBody("加装电梯", []string{"同意", "反对", "弃权"}, map[string]any{
		"rule": "civil_code_278", "eligibility": "households", "weighting": "floor_area"})
	id, opts := w.createVote(w.A1g1, body)
	opened := w.openVote(id)
	if opened["eligible_count"].(float64) != 10 || opened["eligible_weight"].(float64) != 960.5 {
		t.Fatalf("roll = %v / %v, want 10 households, 960.5 m²", opened["eligible_count"], opened["eligible_weight"])
	}
	for i, o := range owners {
		choice := opts[0]
		if i >= 6 {
			choice = opts[1]
		}
		got := w.cast(o, id, choice).want(201).obj()
		if want := map[bool]float64{true: 200, false: 60}[i >= 6]; got["weight"].(float64) != want {
			t.Fatalf("household weight %v, want %v", got["weight"], want)
		}
	}
	w.closeVote(id)
	res := w.do("GET", voteURL(id, "/results"), owners[0].Token, nil).want(200).obj()
	out := res["outcome"].(map[string]any)
	met := map[string]bool{}
	for _, th := range out["thresholds"].([]any) {
		m := th.(map[string]any)
		met[m["name"].(string)] = m["met"].(bool)
	}
	want := map[string]bool{"participation_floor_area": true, "participation_headcount": true,
		"approval_headcount": true, "approval_floor_area": false}
	if fmt.Sprint(met) != fmt.Sprint(want) || out["passed"] != false {
		t.Fatalf("thresholds %v passed %v; want %v and false", met, out["passed"], want)
	}
	recount(t, w, id, res)
}

// TestBallotHouseholdVotesOnce: any member of an eligible household casts
// its one ballot; a second member gets 409, a resident with no household
// 403.
func TestBallotHouseholdVotesOnce(t *testing.T) {
	w := newWorld(t)
	a, b, none := w.member("户主", w.A1g1), w.member("配偶", w.A1g1), w.member("租户", w.A1g1)
	w.do("POST", unitPath(w.A1g1, "/households"), w.guideA1g1.Token, map[string]any{
		"address": "6栋101", "floor_area": 75.25, "member_user_ids": []int{a.ID, b.ID}}).want(201)
	id, opts := w.createVote(w.A1, voteBody("楼道灯", []string{"声控灯", "常亮灯"},
		map[string]any{"eligibility": "households", "weighting": "household"}))
	w.openVote(id)
	if got := w.cast(a, id, opts[0]).want(201).obj()["weight"]; got != 1.0 {
		t.Fatalf("per-household weight = %v", got)
	}
	if code := w.cast(b, id, opts[1]).want(409).obj()["code"]; code != "vote.already_voted" {
		t.Fatalf("second member: %v", code)
	}
	if code := w.cast(none, id, opts[1]).want(403).obj()["code"]; code != "vote.not_eligible" {
		t.Fatalf("no household: %v", code)
	}
}
