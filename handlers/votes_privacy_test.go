package handlers_test

import (
	"context"
	"maps"
	"slices"
	"testing"

	"yishi/ent/ballot"
	"yishi/internal/viewer"
)

// TestVoteAnonymousCreate400NamesBothFields: an anonymous vote with live
// results, or weighted by floor area, is refused at creation naming both
// fields; the combinations that keep ballots unlinkable are accepted.
func TestVoteAnonymousCreate400NamesBothFields(t *testing.T) {
	w := newWorld(t)
	anon := func(more map[string]any) map[string]any {
		b := map[string]any{"anonymous": true}
		maps.Copy(b, more)
		return voteBody("匿名表决", []string{"同意", "反对"}, b)
	}
	area := map[string]any{"eligibility": "households", "weighting": "floor_area"}
	cases := map[string]struct {
		body   map[string]any
		status int
		fields []string
	}{
		"anonymous live":        {anon(map[string]any{"results_visibility": "live"}), 400, []string{"anonymous", "results_visibility"}},
		"anonymous floor area":  {anon(area), 400, []string{"anonymous", "weighting"}},
		"anonymous 278":         {anon(map[string]any{"eligibility": "households", "weighting": "floor_area", "rule": "civil_code_278"}), 400, []string{"anonymous", "weighting"}},
		"anonymous after close": {anon(nil), 201, nil},
		"anonymous households":  {anon(map[string]any{"eligibility": "households", "weighting": "household"}), 201, nil},
		"named live":            {voteBody("记名", []string{"甲", "乙"}, map[string]any{"results_visibility": "live"}), 201, nil},
		"named floor area":      {voteBody("记名", []string{"甲", "乙"}, area), 201, nil},
	}
	for name, tc := range cases {
		r := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, tc.body)
		if r.Code != tc.status {
			t.Errorf("%s: status %d, want %d: %s", name, r.Code, tc.status, r.Body.String())
			continue
		}
		if tc.status != 400 {
			continue
		}
		got := slices.Compact(slices.Sorted(slices.Values(voteFields(r))))
		if !slices.Equal(got, tc.fields) {
			t.Errorf("%s: fields %v, want %v", name, got, tc.fields)
		}
	}
}

// TestVoteAnonymousHouseholdBallotsPublishNoArea: with household
// weighting a ballot carries no floor area (cast answer, stored row,
// published list, results); while the results are hidden an anonymous
// vote's turnout is a count only. A named floor-area vote still publishes
// each ballot's area, which its recount needs.
func TestVoteAnonymousHouseholdBallotsPublishNoArea(t *testing.T) {
	w := newWorld(t)
	a, b := w.member("小户业主", w.A1g1), w.member("大户业主", w.A1g1)
	w.household("9栋101", 61.25, a)
	w.household("9栋102", 143.8, b)
	anon, aOpts := w.createVote(w.A1, voteBody("匿名", []string{"是", "否"},
		map[string]any{"anonymous": true, "eligibility": "households", "weighting": "household"}))
	named, nOpts := w.createVote(w.A1, voteBody("记名", []string{"是", "否"},
		map[string]any{"eligibility": "households", "weighting": "floor_area"}))
	w.openVote(anon)
	w.openVote(named)
	if got := w.cast(a, anon, aOpts[0]).want(201).obj(); got["floor_area"] != 0.0 || got["weight"] != 1.0 {
		t.Fatalf("anonymous household ballot = %v", got)
	}
	w.cast(a, named, nOpts[0]).want(201)
	turnout := func(id int) map[string]any {
		return w.do("GET", voteURL(id, "/results"), w.leadA1.Token, nil).want(200).obj()["turnout"].(map[string]any)
	}
	if got := turnout(anon); len(got) != 1 || got["count"] != 1.0 {
		t.Fatalf("hidden anonymous turnout = %v, want the count only", got)
	}
	if got := turnout(named); got["weight"] != 61.25 || got["floor_area"] != 61.25 {
		t.Fatalf("hidden named turnout = %v", got)
	}
	w.cast(b, anon, aOpts[1]).want(201)
	w.cast(b, named, nOpts[1]).want(201)
	w.closeVote(anon)
	w.closeVote(named)
	for _, p := range ballotsOf(w, anon) {
		if _, ok := p["floor_area"]; ok || p["weight"] != 1.0 {
			t.Fatalf("published anonymous ballot = %v", p)
		}
	}
	res := w.do("GET", voteURL(anon, "/results"), w.leadA1.Token, nil).want(200).obj()
	if tu := res["turnout"].(map[string]any); tu["weight"] != 2.0 || tu["floor_area"] != nil {
		t.Fatalf("closed anonymous turnout = %v", tu)
	}
	for _, o := range res["options"].([]any) {
		if o := o.(map[string]any); o["floor_area"] != nil || o["count"] != 1.0 {
			t.Fatalf("anonymous option = %v", o)
		}
	}
	ctx := viewer.SystemContext(context.Background())
	for _, s := range w.st.Client.Ballot.Query().Where(ballot.VoteID(anon)).AllX(ctx) {
		if s.FloorArea != 0 {
			t.Fatalf("stored household ballot carries %v m²", s.FloorArea)
		}
	}
	areas := map[float64]bool{}
	for _, p := range ballotsOf(w, named) {
		areas[p["floor_area"].(float64)] = true
	}
	if !areas[61.25] || !areas[143.8] {
		t.Fatalf("named floor-area ballots = %v", areas)
	}
}

// TestVoteReceiptNeverReturnsTheChoice: a receipt check answers that the
// ballot is counted and its token, before and after closing, and nothing
// that says how it was cast.
func TestVoteReceiptNeverReturnsTheChoice(t *testing.T) {
	w := newWorld(t)
	id, opts, voter := w.openMembersVote(map[string]any{"anonymous": true})
	cast := w.cast(voter, id, opts[1]).want(201).obj()
	check := func(published bool) {
		t.Helper()
		got := w.do("POST", voteURL(id, "/receipt"), voter.Token, map[string]any{"code": cast["receipt"]}).want(200).obj()
		keys := slices.Sorted(maps.Keys(got))
		if !slices.Equal(keys, []string{"counted", "published", "token", "vote_id"}) {
			t.Fatalf("receipt answer has %v: %v", keys, got)
		}
		if got["token"] != cast["token"] || got["counted"] != true || got["published"] != published {
			t.Fatalf("receipt answer = %v", got)
		}
	}
	check(false)
	w.closeVote(id)
	check(true)
}
