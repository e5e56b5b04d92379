package handlers_test

import (
	"slices"
	"testing"
	"time"
)

// voteFields lists the fields a 400 names.
func voteFields(r response) []string {
	var out []string
	for _, e := range r.obj()["errors"].([]any) {
		out = append(out, e.(map[string]any)["field"].(string))
	}
	return out
}

// TestVoteCreate400NamesFields: every rule of the set-up answers 400
// naming the field.
func TestVoteCreate400NamesFields(t *testing.T) {
	w := newWorld(t)
	cases := map[string]struct {
		body  map[string]any
		field string
	}{
		"no title":         {voteBody("", []string{"甲", "乙"}, nil), "title"},
		"one option":       {voteBody("x", []string{"甲"}, nil), "options"},
		"21 options":       {voteBody("x", make21(), nil), "options"},
		"same labels":      {voteBody("x", []string{"甲", "甲"}, nil), "options"},
		"method":           {voteBody("x", []string{"甲", "乙"}, map[string]any{"method": "ranked"}), "method"},
		"max over options": {voteBody("x", []string{"甲", "乙"}, map[string]any{"method": "multiple", "max_choices": 3}), "max_choices"},
		"single max 2":     {voteBody("x", []string{"甲", "乙"}, map[string]any{"max_choices": 2}), "max_choices"},
		"eligibility":      {voteBody("x", []string{"甲", "乙"}, map[string]any{"eligibility": "everyone"}), "eligibility"},
		"area of members":  {voteBody("x", []string{"甲", "乙"}, map[string]any{"weighting": "floor_area"}), "weighting"},
		"no meeting":       {voteBody("x", []string{"甲", "乙"}, map[string]any{"eligibility": "participants"}), "meeting_id"},
		"no quorum":        {voteBody("x", []string{"甲", "乙"}, map[string]any{"rule": "majority_quorum"}), "quorum"},
		"major plurality":  {voteBody("x", []string{"甲", "乙"}, map[string]any{"major_matter": true}), "major_matter"},
		"past close":       {voteBody("x", []string{"甲", "乙"}, map[string]any{"closes_at": "2020-01-01T00:00:00Z"}), "closes_at"},
		"foreign proposal": {voteBody("x", []string{"甲", "乙"}, map[string]any{"proposal_id": 999999}), "proposal_id"},
		"foreign meeting":  {voteBody("x", []string{"甲", "乙"}, map[string]any{"meeting_id": 999999}), "meeting_id"},
		"visibility":       {voteBody("x", []string{"甲", "乙"}, map[string]any{"results_visibility": "never"}), "results_visibility"},
	}
	for name, tc := range cases {
		r := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, tc.body).want(400)
		if !slices.Contains(voteFields(r), tc.field) {
			t.Errorf("%s: fields %v, want %s", name, voteFields(r), tc.field)
		}
	}
	// A proposal of the community is not in a grid vote's subtree.
	p := w.submittedProposal()
	w.act(w.leadA1, p, "escalate", nil).want(200)
	r := w.do("POST", unitPath(w.A1g1, "/votes"), w.leadA1.Token, voteBody("x", []string{"甲", "乙"}, map[string]any{"proposal_id": p})).want(400)
	if !slices.Contains(voteFields(r), "proposal_id") {
		t.Fatalf("fields %v", voteFields(r))
	}
}

func make21() []string {
	out := make([]string, 21)
	for i := range out {
		out[i] = string(rune('A' + i))
	}
	return out
}

// TestVoteCreate201And403: leads set votes up; guides, reviewers and
// residents may not.
func TestVoteCreate201And403(t *testing.T) {
	w := newWorld(t)
	opens := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	body := voteBody("样式", []string{" 木质 ", "金属"}, map[string]any{"method": "multiple",
		"opens_at": opens.Format(time.RFC3339), "closes_at": opens.Add(time.Hour).Format(time.RFC3339)})
	v := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, body).want(201).obj()
	if v["status"] != "draft" || v["max_choices"].(float64) != 2 || v["weighting"] != "person" ||
		v["rule"] != "plurality" || v["results_visibility"] != "after_close" || v["opens_at"] != opens.Format(time.RFC3339) {
		t.Fatalf("created = %v", v)
	}
	if l := v["options"].([]any)[0].(map[string]any)["label"]; l != "木质" {
		t.Fatalf("label = %q", l)
	}
	for _, p := range []person{w.guideA1g1, w.reviewerA1, w.resA1g1} {
		w.do("POST", unitPath(w.A1g1, "/votes"), p.Token, body).want(403)
	}
	list := w.do("GET", unitPath(w.A1, "/votes?status=draft"), w.resA1g1.Token, nil).want(200).obj()["items"].([]any)
	if len(list) != 1 {
		t.Fatalf("resident lists %d votes", len(list))
	}
	w.do("GET", unitPath(w.A1, "/votes?status=maybe"), w.leadA1.Token, nil).want(400)
}
