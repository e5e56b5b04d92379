package handlers_test

import (
	"context"
	"testing"
	"time"

	"yishi/internal/viewer"
)

func wantCode(t *testing.T, r response, status int, code string) {
	t.Helper()
	r.want(status)
	if got := r.obj()["code"]; got != code {
		t.Fatalf("code %v, want %s: %s", got, code, r.Body.String())
	}
}

// TestBallot409OutsideTheWindow: before opening, after closing, and past
// closes_at before the scheduler has closed the vote.
func TestBallot409OutsideTheWindow(t *testing.T) {
	w := newWorld(t)
	voter := w.member("居民", w.A1g1)
	id, opts := w.createVote(w.A1, voteBody("样式", []string{"木质", "金属"}, nil))
	wantCode(t, w.cast(voter, id, opts[0]), 409, "vote.not_open")
	w.openVote(id)
	w.closeVote(id)
	wantCode(t, w.cast(voter, id, opts[0]), 409, "vote.not_open")

	late, lateOpts, lateVoter := w.openMembersVote(map[string]any{"closes_at": time.Now().Add(time.Hour).Format(time.RFC3339)})
	ctx := viewer.SystemContext(context.Background())
	w.st.Client.Vote.UpdateOneID(late).SetClosesAt(time.Now().Add(-time.Second)).ExecX(ctx)
	wantCode(t, w.cast(lateVoter, late, lateOpts[0]), 409, "vote.not_open")
}

// TestVoteOpenCloseTransitions: each step once, by leads only, and not
// with an empty roll.
func TestVoteOpenCloseTransitions(t *testing.T) {
	w := newWorld(t)
	empty, _ := w.createVote(w.A1g2, voteBody("空投票", []string{"甲", "乙"}, nil))
	wantCode(t, w.do("POST", voteURL(empty, "/open"), w.leadA1.Token, nil), 422, "vote.empty_roll")
	voter := w.member("居民", w.A1g1)
	id, _ := w.createVote(w.A1, voteBody("样式", []string{"木质", "金属"}, nil))
	wantCode(t, w.do("POST", voteURL(id, "/close"), w.leadA1.Token, nil), 409, "vote.not_open")
	w.do("POST", voteURL(id, "/open"), w.reviewerA1.Token, nil).want(403)
	w.do("POST", voteURL(id, "/open"), voter.Token, nil).want(403)
	w.openVote(id)
	wantCode(t, w.do("POST", voteURL(id, "/open"), w.leadA1.Token, nil), 409, "vote.not_draft")
	w.do("POST", voteURL(id, "/close"), voter.Token, nil).want(403)
	w.closeVote(id)
	got := w.do("GET", voteURL(id, ""), voter.Token, nil).want(200).obj()
	if got["status"] != "closed" || got["closed_at"] == nil || got["opened_at"] == nil {
		t.Fatalf("closed vote = %v", got)
	}
}

// TestBallot403NotOnTheRoll: a member of a sibling grid reads the
// community's votes but is not on a grid vote's roll; a resident who holds
// the role without a membership is on no members roll.
func TestBallot403NotOnTheRoll(t *testing.T) {
	w := newWorld(t)
	w.member("本网格居民", w.A1g1)
	neighbour := w.member("隔壁网格居民", w.A1g2)
	id, opts := w.createVote(w.A1g1, voteBody("样式", []string{"木质", "金属"}, nil))
	w.openVote(id)
	wantCode(t, w.cast(neighbour, id, opts[0]), 403, "vote.not_eligible")
	wantCode(t, w.cast(w.resA1g1, id, opts[0]), 403, "vote.not_eligible")
	w.do("POST", voteURL(id, "/ballots"), w.leadA1.Token, map[string]any{"option_ids": opts[:1]}).want(403)
	w.do("GET", voteURL(id, ""), w.leadA2.Token, nil).want(404)
	w.do("GET", voteURL(id, ""), w.leadB1.Token, nil).want(404)
}

// TestBallot400BadChoices: too many options, none, a repeat, or an option
// of another vote.
func TestBallot400BadChoices(t *testing.T) {
	w := newWorld(t)
	id, opts, voter := w.openMembersVote(map[string]any{"method": "multiple", "max_choices": 1})
	_, otherOpts := w.createVote(w.A1, voteBody("另一个", []string{"甲", "乙"}, nil))
	for name, choice := range map[string][]int{
		"too many": {opts[0], opts[1]}, "none": {}, "repeat": {opts[0], opts[0]}, "foreign": {otherOpts[0]},
	} {
		r := w.cast(voter, id, choice...)
		if r.Code != 400 || r.obj()["errors"].([]any)[0].(map[string]any)["field"] != "option_ids" {
			t.Fatalf("%s: %d %s", name, r.Code, r.Body.String())
		}
	}
	w.cast(voter, id, opts[1]).want(201)
}
