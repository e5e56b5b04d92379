package handlers_test

import (
	"fmt"
	"sync"
	"testing"
)

// TestVoteCloseRacingBallotsCountsEveryAcceptedBallot: residents vote
// and the lead closes as soon as the first ballot is in. Every ballot
// answered 201 is in the results and the published list, every other one
// got 409, and nothing is added after the close answered.
func TestVoteCloseRacingBallotsCountsEveryAcceptedBallot(t *testing.T) {
	w := newWorld(t)
	voters := make([]person, 30)
	for i := range voters {
		voters[i] = w.member(fmt.Sprintf("居民%d", i), w.A1g1)
	}
	id, opts := w.createVote(w.A1, voteBody("样式", []string{"木质", "金属"}, nil))
	w.openVote(id)
	var wg sync.WaitGroup
	var once sync.Once
	start, first := make(chan struct{}), make(chan struct{})
	codes := make([]int, len(voters))
	for i, v := range voters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			codes[i] = w.do("POST", voteURL(id, "/ballots"), v.Token, map[string]any{"option_ids": []int{opts[i%2]}}).Code
			if codes[i] == 201 {
				once.Do(func() { close(first) })
			}
		}()
	}
	atClose := -1
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-first // close while the other ballots are in flight
		if code := w.do("POST", voteURL(id, "/close"), w.leadA1.Token, nil).Code; code != 200 {
			t.Errorf("close = %d", code)
		}
		atClose = turnout(w, id)
	}()
	close(start)
	wg.Wait()
	accepted := 0
	for _, c := range codes {
		switch c {
		case 201:
			accepted++
		case 409:
		default:
			t.Fatalf("ballot answered %d", c)
		}
	}
	t.Logf("%d of %d ballots beat the close", accepted, len(voters))
	if got := turnout(w, id); got != accepted || got != atClose || len(ballotsOf(w, id)) != accepted {
		t.Fatalf("%d ballots accepted; results count %d now, %d right after the close", accepted, got, atClose)
	}
}

// turnout is the number of ballots a vote's results count.
func turnout(w *world, id int) int {
	res := w.do("GET", voteURL(id, "/results"), w.leadA1.Token, nil)
	if res.Code != 200 {
		return -1
	}
	return int(res.obj()["turnout"].(map[string]any)["count"].(float64))
}
