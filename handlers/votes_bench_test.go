package handlers_test

import (
	"fmt"
	"sync/atomic"
	"testing"
)

// benchVoters is the roll of each benchmark vote; ballot i goes to vote
// i/benchVoters from voter i%benchVoters, so every ballot is a first one.
const benchVoters = 200

type benchVote struct {
	id  int
	opt int
}

// ballotBench sets up voters and enough open votes for n ballots.
func ballotBench(b *testing.B, n int) (*world, []person, []benchVote) {
	b.Helper()
	w := newWorld(b)
	voters := make([]person, benchVoters)
	for i := range voters {
		voters[i] = w.member(fmt.Sprintf("居民%d", i), w.A1g1)
	}
	votes := make([]benchVote, (n+benchVoters-1)/benchVoters)
	for i := range votes {
		id, opts := w.createVote(w.A1, voteBody(fmt.Sprintf("表决%d", i), []string{"同意", "反对"}, map[string]any{"anonymous": true}))
		w.openVote(id)
		votes[i] = benchVote{id: id, opt: opts[0]}
	}
	return w, voters, votes
}

// BenchmarkBallotCast casts ballots one after another through the real
// router: token check, casbin, roll lookup, and the transaction that
// inserts the participation and the ballot.
func BenchmarkBallotCast(b *testing.B) {
	w, voters, votes := ballotBench(b, b.N)
	b.ResetTimer()
	for i := range b.N {
		v := votes[i/benchVoters]
		if r := w.cast(voters[i%benchVoters], v.id, v.opt); r.Code != 201 {
			b.Fatalf("ballot %d: %d %s", i, r.Code, r.Body.String())
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
}

// BenchmarkBallotCastParallel casts from 8 goroutines per core, as a
// crowd at the close of a meeting would.
func BenchmarkBallotCastParallel(b *testing.B) {
	w, voters, votes := ballotBench(b, b.N)
	var next, failed atomic.Int64
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := int(next.Add(1) - 1)
			v := votes[i/benchVoters]
			if r := w.do("POST", voteURL(v.id, "/ballots"), voters[i%benchVoters].Token,
				map[string]any{"option_ids": []int{v.opt}}); r.Code != 201 {
				failed.Add(1)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
	if n := failed.Load(); n > 0 {
		b.Fatalf("%d ballots failed", n)
	}
}
