package handlers_test

import "testing"

// checkTally compares the results' option counts with want and returns
// the results.
func checkTally(t *testing.T, w *world, v *loveSeatVote, want map[int]int) map[string]any {
	t.Helper()
	res := w.do("GET", voteURL(v.id, "/results"), w.leadA1.Token, nil).want(200).obj()
	if res["hidden"] != false || int(res["turnout"].(map[string]any)["count"].(float64)) != 73 {
		t.Fatalf("vote %d results = %v", v.id, res)
	}
	for _, o := range res["options"].([]any) {
		opt := o.(map[string]any)
		id := int(opt["id"].(float64))
		if int(opt["count"].(float64)) != want[id] || opt["weight"].(float64) != float64(want[id]) {
			t.Fatalf("vote %d option %d: count %v weight %v, want %d", v.id, id, opt["count"], opt["weight"], want[id])
		}
	}
	return res
}

// recount pages through the published ballots and checks that counting
// them gives the published results, option by option.
func recount(t *testing.T, w *world, voteID int, results map[string]any) {
	t.Helper()
	counts, weights, n := map[int]int{}, map[int]float64{}, 0
	cursor := ""
	for {
		page := w.do("GET", voteURL(voteID, "/ballots?limit=50&cursor="+cursor), w.resA1g1.Token, nil).want(200).obj()
		for _, b := range page["items"].([]any) {
			ballot := b.(map[string]any)
			n++
			for _, id := range ballot["option_ids"].([]any) {
				counts[int(id.(float64))]++
				weights[int(id.(float64))] += ballot["weight"].(float64)
			}
		}
		if cursor = page["next_cursor"].(string); cursor == "" {
			break
		}
	}
	if got := int(results["turnout"].(map[string]any)["count"].(float64)); got != n {
		t.Fatalf("published %d ballots, results count %d", n, got)
	}
	for _, o := range results["options"].([]any) {
		opt := o.(map[string]any)
		id := int(opt["id"].(float64))
		if counts[id] != int(opt["count"].(float64)) || weights[id] != opt["weight"].(float64) {
			t.Fatalf("recount of option %d: %d/%v, results %v/%v", id, counts[id], weights[id], opt["count"], opt["weight"])
		}
	}
}

// ballotsOf returns every published ballot of a closed vote.
func ballotsOf(w *world, voteID int) []map[string]any {
	w.t.Helper()
	var out []map[string]any
	for _, b := range w.do("GET", voteURL(voteID, "/ballots?limit=200"), w.leadA1.Token, nil).want(200).obj()["items"].([]any) {
		out = append(out, b.(map[string]any))
	}
	return out
}
