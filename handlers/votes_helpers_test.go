package handlers_test

import (
	"fmt"
	"maps"
)

// voteBody is a members vote of the love-seat deliberation with the
// given overrides.
func voteBody(title string, options []string, more map[string]any) map[string]any {
	b := map[string]any{"title": title, "method": "single", "options": options, "eligibility": "members"}
	maps.Copy(b, more)
	return b
}

// createVote sets up a vote at unit as the lead of A1 and returns its id
// and option ids in ballot order.
func (w *world) createVote(unit int, body map[string]any) (int, []int) {
	w.t.Helper()
	v := w.do("POST", unitPath(unit, "/votes"), w.leadA1.Token, body).want(201).obj()
	var opts []int
	for _, o := range v["options"].([]any) {
		opts = append(opts, int(o.(map[string]any)["id"].(float64)))
	}
	return int(v["id"].(float64)), opts
}

func voteURL(id int, suffix string) string { return fmt.Sprintf("/v1/votes/%d%s", id, suffix) }

// openVote opens a vote as the lead of A1.
func (w *world) openVote(id int) map[string]any {
	w.t.Helper()
	return w.do("POST", voteURL(id, "/open"), w.leadA1.Token, nil).want(200).obj()
}

// closeVote closes a vote as the lead of A1.
func (w *world) closeVote(id int) {
	w.t.Helper()
	w.do("POST", voteURL(id, "/close"), w.leadA1.Token, nil).want(200)
}

// cast sends p's ballot.
func (w *world) cast(p person, id int, options ...int) response {
	w.t.Helper()
	return w.do("POST", voteURL(id, "/ballots"), p.Token, map[string]any{"option_ids": options})
}

// openMembersVote creates and opens a members vote at A1 with one member
// (the returned voter) on its roll.
func (w *world) openMembersVote(more map[string]any) (int, []int, person) {
	w.t.Helper()
	voter := w.member("投票人", w.A1g1)
	id, opts := w.createVote(w.A1, voteBody("爱心椅的样式", []string{"木质", "金属"}, more))
	w.openVote(id)
	return id, opts, voter
}
