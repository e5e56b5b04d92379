package handlers_test

import (
	"fmt"
	"sync"
	"testing"
)

// loveSeatVote is one of the three votes of the article's deliberation
// and how resident i votes in it.
type loveSeatVote struct {
	body   map[string]any
	id     int
	opts   []int
	choose func(i int, opts []int) []int
}

func loveSeatVotes(proposalID int) []*loveSeatVote {
	return []*loveSeatVote{
		{body: voteBody("爱心椅的样式", []string{"木质靠背椅", "金属折叠椅", "石凳"},
			map[string]any{"proposal_id": proposalID}),
			choose: func(i int, o []int) []int { return []int{o[i%3]} }},
		{body: voteBody("爱心椅放在哪里", []string{"一楼转角", "三楼转角", "五楼转角", "单元门口"},
			// Named: an anonymous vote cannot show live results (issue 15).
			map[string]any{"method": "multiple", "max_choices": 2, "results_visibility": "live"}),
			choose: func(i int, o []int) []int { return []int{o[i%4], o[(i+1)%4]} }},
		{body: voteBody("项目名称", []string{"转角遇到爱心椅", "歇歇脚", "邻里椅"},
			map[string]any{"anonymous": true, "rule": "majority_quorum", "quorum": 0.5}),
			choose: func(i int, o []int) []int {
				if i%5 == 0 {
					return []int{o[1+i%2]}
				}
				return []int{o[0]}
			}},
	}
}

// TestVoteLoveSeat73ResidentsConcurrently runs the article's three votes:
// 73 residents of the community cast 219 ballots at once through the
// router, the tallies are what they chose, and recounting the published
// ballots gives the same results.
func TestVoteLoveSeat73ResidentsConcurrently(t *testing.T) {
	w := newWorld(t)
	residents := make([]person, 73)
	for i := range residents {
		grid := w.A1g1
		if i%2 == 1 {
			grid = w.A1g2
		}
		residents[i] = w.member(fmt.Sprintf("居民%02d", i), grid)
	}
	votes := loveSeatVotes(w.submittedProposal())
	for _, v := range votes {
		v.id, v.opts = w.createVote(w.A1, v.body)
		if got := w.openVote(v.id)["eligible_count"].(float64); got != 73 {
			t.Fatalf("vote %d: eligible_count = %v, want 73", v.id, got)
		}
	}
	codes := castAll(w, votes, residents)
	for k, c := range codes {
		if c != 201 {
			t.Fatalf("ballot %s = %d, want 201", k, c)
		}
	}
	hidden := w.do("GET", voteURL(votes[0].id, "/results"), residents[0].Token, nil).want(200).obj()
	if hidden["hidden"] != true || hidden["outcome"] != nil || hidden["options"].([]any)[0].(map[string]any)["count"] != nil {
		t.Fatalf("after_close results shown while open: %v", hidden)
	}
	checkTally(t, w, votes[1], expected(votes[1], 73)) // live
	for _, v := range votes {
		w.closeVote(v.id)
		res := checkTally(t, w, v, expected(v, 73))
		recount(t, w, v.id, res)
	}
	style := w.do("GET", voteURL(votes[0].id, "/results"), residents[5].Token, nil).want(200).obj()
	if winners := style["outcome"].(map[string]any)["winners"].([]any); len(winners) != 1 || int(winners[0].(float64)) != votes[0].opts[0] {
		t.Fatalf("style winners = %v (25 木质, 24 金属, 24 石凳)", winners)
	}
	name := w.do("GET", voteURL(votes[2].id, "/results"), residents[5].Token, nil).want(200).obj()["outcome"].(map[string]any)
	if name["passed"] != true || int(name["winners"].([]any)[0].(float64)) != votes[2].opts[0] {
		t.Fatalf("name outcome = %v", name)
	}
}

// castAll sends every resident's ballot in every vote at once and
// returns the status of each, keyed "vote/resident".
func castAll(w *world, votes []*loveSeatVote, residents []person) map[string]int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	codes := map[string]int{}
	for _, v := range votes {
		for i, r := range residents {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				res := w.do("POST", voteURL(v.id, "/ballots"), r.Token, map[string]any{"option_ids": v.choose(i, v.opts)})
				mu.Lock()
				codes[fmt.Sprintf("%d/%d", v.id, i)] = res.Code
				mu.Unlock()
			}()
		}
	}
	close(start)
	wg.Wait()
	return codes
}

// expected counts what n residents chose.
func expected(v *loveSeatVote, n int) map[int]int {
	out := map[int]int{}
	for i := range n {
		for _, o := range v.choose(i, v.opts) {
			out[o]++
		}
	}
	return out
}
