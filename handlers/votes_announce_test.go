package handlers_test

import (
	"testing"
)

// TestVoteResultReachesTheProposalTimelineAndItsPeople: closing a vote on
// a proposal adds a vote_result event, which notifies the author.
func TestVoteResultReachesTheProposalTimelineAndItsPeople(t *testing.T) {
	w := newWorld(t)
	author := w.member("提案人", w.A1g1)
	id := w.filedBy(author)
	w.act(w.leadA1, id, "accept", nil).want(200)
	vote, opts := w.createVote(w.A1, voteBody("爱心椅放在哪里", []string{"楼道转角", "单元门口"}, map[string]any{"proposal_id": id}))
	w.openVote(vote)
	w.cast(author, vote, opts[0]).want(201)
	w.closeVote(vote)
	var found bool
	for _, e := range w.do("GET", proposalURL(id, "/events"), author.Token, nil).want(200).obj()["items"].([]any) {
		m := e.(map[string]any)
		if m["action"] == "vote_result" && int(m["detail"].(map[string]any)["vote_id"].(float64)) == vote {
			found = true
		}
	}
	if !found {
		t.Fatal("no vote_result event on the proposal")
	}
	notified := false
	for _, n := range w.inbox(author, "") {
		notified = notified || newsOf(n) == "vote_result"
	}
	if !notified {
		t.Fatal("the author was not notified of the vote result")
	}
}
