package handlers_test

import (
	"context"
	"strconv"
	"testing"

	"yishi/ent/ballot"
	"yishi/ent/voteparticipation"
	"yishi/internal/viewer"
)

// TestVoteAnonymousBallotsCarryNoVoter: the stored and published ballots
// of an anonymous vote name nobody; only the participation rows say who
// voted. A named vote's ballots carry the voter key.
func TestVoteAnonymousBallotsCarryNoVoter(t *testing.T) {
	w := newWorld(t)
	voters := []person{w.member("甲", w.A1g1), w.member("乙", w.A1g1), w.member("丙", w.A1g2)}
	anon, aOpts := w.createVote(w.A1, voteBody("匿名", []string{"是", "否"}, map[string]any{"anonymous": true}))
	named, nOpts := w.createVote(w.A1, voteBody("记名", []string{"是", "否"}, nil))
	w.openVote(anon)
	w.openVote(named)
	for _, v := range voters {
		w.cast(v, anon, aOpts[0]).want(201)
		w.cast(v, named, nOpts[1]).want(201)
	}
	w.closeVote(anon)
	w.closeVote(named)
	ctx := viewer.SystemContext(context.Background())
	stored := w.st.Client.Ballot.Query().Where(ballot.VoteID(anon)).AllX(ctx)
	if len(stored) != 3 {
		t.Fatalf("%d ballots", len(stored))
	}
	for _, b := range stored {
		if b.VoterKey != "" {
			t.Fatalf("anonymous ballot carries voter %q", b.VoterKey)
		}
		// Ids are random, not auto-increment, so ballot and participation
		// rows written together cannot be paired by their order.
		if b.ID < 1<<32 {
			t.Fatalf("ballot id %d looks sequential", b.ID)
		}
	}
	if n := w.st.Client.VoteParticipation.Query().Where(voteparticipation.VoteID(anon)).CountX(ctx); n != 3 {
		t.Fatalf("%d participations", n)
	}
	for _, b := range ballotsOf(w, anon) {
		if _, ok := b["voter_key"]; ok {
			t.Fatalf("published anonymous ballot names a voter: %v", b)
		}
	}
	keys := map[string]bool{}
	for _, b := range ballotsOf(w, named) {
		keys[b["voter_key"].(string)] = true
	}
	if !keys["u:"+strconv.Itoa(voters[0].ID)] || len(keys) != 3 {
		t.Fatalf("named keys = %v", keys)
	}
}

// TestVoteReceiptsVerify: a receipt finds its ballot, whose token is in
// the published list; a wrong code finds nothing.
func TestVoteReceiptsVerify(t *testing.T) {
	w := newWorld(t)
	id, opts, voter := w.openMembersVote(map[string]any{"anonymous": true})
	cast := w.cast(voter, id, opts[1]).want(201)
	if cast.Header().Get("Cache-Control") != "no-store" {
		t.Fatal("the receipt may be cached")
	}
	receipt := cast.obj()
	w.do("GET", voteURL(id, "/ballots"), voter.Token, nil).want(409)
	got := w.do("POST", voteURL(id, "/receipt"), voter.Token, map[string]any{"code": receipt["receipt"]}).want(200).obj()
	if got["token"] != receipt["token"] || got["counted"] != true || got["published"] != false {
		t.Fatalf("receipt check = %v", got)
	}
	w.do("POST", voteURL(id, "/receipt"), voter.Token, map[string]any{"code": "AAAA-BBBB"}).want(404)
	w.closeVote(id)
	list := ballotsOf(w, id)
	if len(list) != 1 || list[0]["token"] != receipt["token"] || int(list[0]["option_ids"].([]any)[0].(float64)) != opts[1] {
		t.Fatalf("published = %v", list)
	}
	ctx := viewer.SystemContext(context.Background())
	b := w.st.Client.Ballot.Query().Where(ballot.VoteID(id)).OnlyX(ctx)
	if b.ReceiptHash == receipt["receipt"] || len(b.ReceiptHash) != 64 {
		t.Fatal("the receipt is stored in clear")
	}
}
