package handlers_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// loveSeatQuestions is the article's deliberation as one vote of three
// questions: style (single), place (up to two) and name (single).
func loveSeatQuestions(proposalID int) map[string]any {
	return map[string]any{"title": "转角爱心椅居民投票", "eligibility": "members", "proposal_id": proposalID,
		"questions": []map[string]any{
			{"prompt": "爱心椅的样式", "method": "single", "options": []string{"木质靠背椅", "金属折叠椅", "石凳"}},
			{"prompt": "爱心椅放在哪里", "method": "multiple", "max_choices": 2, "options": []string{"一楼转角", "三楼转角", "五楼转角", "单元门口"}},
			{"prompt": "项目名称", "method": "single", "options": []string{"转角遇到爱心椅", "歇歇脚", "邻里椅"}},
		}}
}

// questionOptions reads a vote's questions: question id → option ids.
func questionOptions(v map[string]any) (ids []int, opts map[int][]int) {
	opts = map[int][]int{}
	for _, q := range v["questions"].([]any) {
		qm := q.(map[string]any)
		id := int(qm["id"].(float64))
		ids = append(ids, id)
		for _, o := range qm["options"].([]any) {
			opts[id] = append(opts[id], int(o.(map[string]any)["id"].(float64)))
		}
	}
	return ids, opts
}

// loveSeatAnswers is how resident i answers the three questions.
func loveSeatAnswers(i int, qs []int, o map[int][]int) []map[string]any {
	name := []int{o[qs[2]][0]}
	if i%5 == 0 {
		name = []int{o[qs[2]][1+i%2]}
	}
	return []map[string]any{
		{"question_id": qs[0], "option_ids": []int{o[qs[0]][i%3]}},
		{"question_id": qs[1], "option_ids": []int{o[qs[1]][i%4], o[qs[1]][(i+1)%4]}},
		{"question_id": qs[2], "option_ids": name},
	}
}

// TestVoteLoveSeatOneVoteThreeQuestions73 runs the article's vote as one
// vote of three questions: the roll is exactly the 73 residents (the
// lead, reviewer and guide of the community are not on it; see
// TestVoteRollOnlyThoseWhoMayVote for staff registered as participants), each casts
// one ballot answering all three at once, a second ballot is refused,
// and the results give each question its own counts and outcome, which
// a recount of the published ballots confirms.
func TestVoteLoveSeatOneVoteThreeQuestions73(t *testing.T) {
	w := newWorld(t)
	residents := make([]person, 73)
	for i := range residents {
		grid := w.A1g1
		if i%2 == 1 {
			grid = w.A1g2
		}
		residents[i] = w.member(fmt.Sprintf("居民%02d", i), grid)
	}
	created := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, loveSeatQuestions(w.submittedProposal())).want(201).obj()
	id := int(created["id"].(float64))
	qs, opts := questionOptions(created)
	if len(qs) != 3 || len(opts[qs[1]]) != 4 || created["method"] != "multiple" {
		t.Fatalf("created = %v", created)
	}
	// The community's staff (lead, reviewer, guide) are not on the roll.
	if got := w.openVote(id)["eligible_count"].(float64); got != 73 {
		t.Fatalf("eligible_count = %v, want exactly the 73 residents", got)
	}
	var wg sync.WaitGroup
	codes := make([]int, len(residents))
	for i, r := range residents {
		wg.Go(func() {
			codes[i] = w.do("POST", voteURL(id, "/ballots"), r.Token, map[string]any{"answers": loveSeatAnswers(i, qs, opts)}).Code
		})
	}
	wg.Wait()
	for i, c := range codes {
		if c != 201 {
			t.Fatalf("ballot of resident %d = %d", i, c)
		}
	}
	w.do("POST", voteURL(id, "/ballots"), residents[0].Token, map[string]any{"answers": loveSeatAnswers(0, qs, opts)}).want(409)
	w.closeVote(id)
	res := w.do("GET", voteURL(id, "/results"), residents[3].Token, nil).want(200).obj()
	if int(res["turnout"].(map[string]any)["count"].(float64)) != 73 || res["outcome"] != nil {
		t.Fatalf("results = %v", res)
	}
	want := map[int]int{}
	for i := range residents {
		for _, a := range loveSeatAnswers(i, qs, opts) {
			for _, o := range a["option_ids"].([]int) {
				want[o]++
			}
		}
	}
	questions := res["questions"].([]any)
	for qi, q := range questions {
		qm := q.(map[string]any)
		for _, o := range qm["options"].([]any) {
			om := o.(map[string]any)
			if oid := int(om["id"].(float64)); int(om["count"].(float64)) != want[oid] || !slices.Contains(opts[qs[qi]], oid) {
				t.Fatalf("question %d option %d: %v, want %d", qi, oid, om["count"], want[oid])
			}
		}
	}
	style := questions[0].(map[string]any)["outcome"].(map[string]any)["winners"].([]any)
	name := questions[2].(map[string]any)["outcome"].(map[string]any)["winners"].([]any)
	if len(style) != 1 || int(style[0].(float64)) != opts[qs[0]][0] || int(name[0].(float64)) != opts[qs[2]][0] {
		t.Fatalf("winners: style %v name %v", style, name)
	}
	recount(t, w, id, res)
}

// TestVoteQuestionsBallotAttacks: a ballot missing a question, answering
// one twice, naming an option of another question, over a question's
// maximum, or sent as option_ids is 400 naming the field, and casts
// nothing: the voter can still vote once.
func TestVoteQuestionsBallotAttacks(t *testing.T) {
	w := newWorld(t)
	voter := w.member("投票人", w.A1g1)
	created := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, loveSeatQuestions(w.submittedProposal())).want(201).obj()
	id := int(created["id"].(float64))
	qs, o := questionOptions(created)
	w.openVote(id)
	ans := func(q int, ids ...int) map[string]any { return map[string]any{"question_id": q, "option_ids": ids} }
	cases := map[string]struct {
		body  map[string]any
		field string
	}{
		"missing question": {map[string]any{"answers": []any{ans(qs[0], o[qs[0]][0]), ans(qs[1], o[qs[1]][0])}}, "answers"},
		"answered twice": {map[string]any{"answers": []any{ans(qs[0], o[qs[0]][0]), ans(qs[0], o[qs[0]][1]),
			ans(qs[1], o[qs[1]][0]), ans(qs[2], o[qs[2]][0])}}, "answers[1].question_id"},
		"over max": {map[string]any{"answers": []any{ans(qs[0], o[qs[0]][0]),
			ans(qs[1], o[qs[1]][0], o[qs[1]][1], o[qs[1]][2]), ans(qs[2], o[qs[2]][0])}}, "answers[1].option_ids"},
		"other question's option": {map[string]any{"answers": []any{ans(qs[0], o[qs[2]][0]),
			ans(qs[1], o[qs[1]][0]), ans(qs[2], o[qs[2]][0])}}, "answers[0].option_ids"},
		"unknown question": {map[string]any{"answers": []any{ans(99, o[qs[0]][0]), ans(qs[0], o[qs[0]][0]),
			ans(qs[1], o[qs[1]][0]), ans(qs[2], o[qs[2]][0])}}, "answers[0].question_id"},
		"flat option_ids":  {map[string]any{"option_ids": []int{o[qs[0]][0]}}, "answers"},
		"both shapes":      {map[string]any{"option_ids": []int{o[qs[0]][0]}, "answers": []any{ans(qs[0], o[qs[0]][0])}}, "answers"},
		"single over one":  {map[string]any{"answers": []any{ans(qs[0], o[qs[0]][0], o[qs[0]][1]), ans(qs[1], o[qs[1]][0]), ans(qs[2], o[qs[2]][0])}}, "answers[0].option_ids"},
		"repeated options": {map[string]any{"answers": []any{ans(qs[0], o[qs[0]][0]), ans(qs[1], o[qs[1]][0], o[qs[1]][0]), ans(qs[2], o[qs[2]][0])}}, "answers[1].option_ids"},
	}
	for name, tc := range cases {
		r := w.do("POST", voteURL(id, "/ballots"), voter.Token, tc.body).want(400)
		if f := problemFields(r); !slices.Contains(f, tc.field) {
			t.Errorf("%s: fields %v, want %s", name, f, tc.field)
		}
	}
	good := map[string]any{"answers": []any{ans(qs[2], o[qs[2]][1]), ans(qs[0], o[qs[0]][2]), ans(qs[1], o[qs[1]][3])}}
	b := w.do("POST", voteURL(id, "/ballots"), voter.Token, good).want(201).obj()
	if len(b["option_ids"].([]any)) != 3 || len(b["answers"].([]any)) != 3 {
		t.Fatalf("ballot = %v", b)
	}
	w.do("POST", voteURL(id, "/ballots"), voter.Token, good).want(409)
	// A one-question vote refuses answers and keeps option_ids.
	one, oneOpts, v2 := w.openMembersVote(nil)
	r := w.do("POST", voteURL(one, "/ballots"), v2.Token, map[string]any{"answers": []any{ans(1, oneOpts[0])}}).want(400)
	if f := problemFields(r); !slices.Contains(f, "answers") {
		t.Fatalf("fields %v", f)
	}
	w.cast(v2, one, oneOpts[0]).want(201)
}

// TestVoteQuestionsCreateValidation: questions are checked one by one and
// named questions[i].field; top-level options beside questions, a
// single question with two choices and Art. 278 multiple questions are
// refused; a hidden (after_close) vote shows no per-question numbers.
func TestVoteQuestionsCreateValidation(t *testing.T) {
	w := newWorld(t)
	bad := loveSeatQuestions(w.submittedProposal())
	qs := bad["questions"].([]map[string]any)
	qs[0]["max_choices"] = 2
	qs[1]["options"] = []string{"一楼转角"}
	qs[2]["prompt"] = ""
	bad["options"] = []string{"甲", "乙"}
	r := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, bad).want(400)
	f := problemFields(r)
	for _, want := range []string{"options", "questions[0].max_choices", "questions[1].options", "questions[2].prompt"} {
		if !slices.Contains(f, want) {
			t.Errorf("fields %v lack %s", f, want)
		}
	}
	id, _, voter := w.openMembersVote(nil)
	_ = id
	v := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, loveSeatQuestions(w.submittedProposal())).want(201).id()
	w.openVote(v)
	hidden := w.do("GET", voteURL(v, "/results"), voter.Token, nil).want(200).obj()
	q0 := hidden["questions"].([]any)[0].(map[string]any)
	if hidden["hidden"] != true || q0["outcome"] != nil || q0["options"].([]any)[0].(map[string]any)["count"] != nil {
		t.Fatalf("hidden results show numbers: %v", hidden)
	}
}

// TestVoteRollOnlyThoseWhoMayVote: staff registered as a meeting's
// participants (the lead and the guide, who hold no vote:ballot) are not
// on a participants vote's roll; residents are.
func TestVoteRollOnlyThoseWhoMayVote(t *testing.T) {
	w := newWorld(t)
	m := w.meeting("爱心椅议事会")
	residents := []person{w.member("居民甲", w.A1g1), w.member("居民乙", w.A1g2)}
	for _, p := range append(slices.Clone(residents), w.leadA1, w.guideA1g1, w.reviewerA1) {
		w.do("POST", meetingURL(m, "/participants"), w.leadA1.Token, map[string]any{"user_id": p.ID, "identity": "resident_rep"}).want(201)
	}
	id, opts := w.createVote(w.A1, voteBody("爱心椅放在哪里", []string{"楼道转角", "单元门口"},
		map[string]any{"eligibility": "participants", "meeting_id": m}))
	if got := w.openVote(id)["eligible_count"].(float64); got != 2 {
		t.Fatalf("eligible_count = %v, want 2 (staff are not voters)", got)
	}
	w.cast(w.guideA1g1, id, opts[0]).want(403)
	for _, r := range residents {
		w.cast(r, id, opts[0]).want(201)
	}
}

// TestVoteQuestionsAnonymous: the vote-wide rules of issue 15 hold for a
// vote with questions: anonymous ballots name nobody in the published
// list, live results are refused for an anonymous vote, and each voter
// still votes once.
func TestVoteQuestionsAnonymous(t *testing.T) {
	w := newWorld(t)
	body := loveSeatQuestions(w.submittedProposal())
	body["anonymous"], body["results_visibility"] = true, "live"
	r := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, body).want(400)
	if f := problemFields(r); !slices.Contains(f, "results_visibility") {
		t.Fatalf("fields = %v", f)
	}
	delete(body, "results_visibility")
	created := w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, body).want(201).obj()
	id := int(created["id"].(float64))
	qs, opts := questionOptions(created)
	voters := []person{w.member("甲", w.A1g1), w.member("乙", w.A1g1), w.member("丙", w.A1g2)}
	w.openVote(id)
	for i, v := range voters {
		w.do("POST", voteURL(id, "/ballots"), v.Token, map[string]any{"answers": loveSeatAnswers(i, qs, opts)}).want(201)
		w.do("POST", voteURL(id, "/ballots"), v.Token, map[string]any{"answers": loveSeatAnswers(i+1, qs, opts)}).want(409)
	}
	w.closeVote(id)
	for _, b := range ballotsOf(w, id) {
		if _, ok := b["voter_key"]; ok || len(b["option_ids"].([]any)) != 4 {
			t.Fatalf("published anonymous ballot = %v", b)
		}
	}
	res := w.do("GET", voteURL(id, "/results"), voters[0].Token, nil).want(200).obj()
	if q := res["questions"].([]any); len(q) != 3 || q[2].(map[string]any)["outcome"] == nil {
		t.Fatalf("results = %v", res)
	}
}
