package handlers_test

import (
	"context"
	"sync"
	"testing"

	"yishi/ent/ballot"
	"yishi/ent/voteparticipation"
	"yishi/internal/viewer"
)

// TestBallotFiftyConcurrentByOneVoterStoreOne: one voter submits fifty
// ballots at once; the unique index lets exactly one through. On SQLite
// in memory the single connection serialises them, on PostgreSQL they
// race for real.
func TestBallotFiftyConcurrentByOneVoterStoreOne(t *testing.T) {
	w := newWorld(t)
	id, opts, voter := w.openMembersVote(nil)
	var wg sync.WaitGroup
	start := make(chan struct{})
	results := make([]response, 50)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i] = w.do("POST", voteURL(id, "/ballots"), voter.Token, map[string]any{"option_ids": []int{opts[i%2]}})
		}()
	}
	close(start)
	wg.Wait()
	created, conflicts := 0, 0
	for _, r := range results {
		switch {
		case r.Code == 201:
			created++
		case r.Code == 409 && r.obj()["code"] == "vote.already_voted":
			conflicts++
		default:
			t.Fatalf("unexpected answer %d: %s", r.Code, r.Body.String())
		}
	}
	if created != 1 || conflicts != 49 {
		t.Fatalf("201 × %d, 409 × %d; want 1 and 49", created, conflicts)
	}
	ctx := viewer.SystemContext(context.Background())
	nb, err := w.st.Client.Ballot.Query().Where(ballot.VoteID(id)).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	np, err := w.st.Client.VoteParticipation.Query().Where(voteparticipation.VoteID(id)).Count(ctx)
	if err != nil || nb != 1 || np != 1 {
		t.Fatalf("stored %d ballots and %d participations (%v), want 1 and 1", nb, np, err)
	}
}
