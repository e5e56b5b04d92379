package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
)

// load drives concurrent writes of every kind against one server: two
// workers file proposals and carry each through submit and accept, two
// cast ballots on an open vote, and one per task posts progress reports.
// Each complete 2xx answer goes into the ledger before onAck is called.
type load struct {
	a        *api
	f        *fixture
	led      *ledger
	vote     int
	options  []int
	voters   chan account
	percent  map[int]int // task → last acknowledged percent
	onAck    func(acked int64)
	acked    atomic.Int64
	inFlight atomic.Int64
	mu       sync.Mutex
	refused  map[int]int // non-2xx answers by status
}

// newLoad prepares a run: a fresh open vote, every voter queued for it,
// and each task's current percent (reports may not go below it).
func newLoad(a *api, f *fixture, led *ledger, title string) *load {
	a.t.Helper()
	l := &load{a: a, f: f, led: led, voters: make(chan account, len(f.voters)),
		percent: map[int]int{}, refused: map[int]int{}}
	l.vote, l.options = f.openVote(a, title)
	for _, v := range f.voters {
		l.voters <- v
	}
	close(l.voters)
	for _, task := range f.tasks {
		l.percent[task] = idOf(a.t, a.must("GET", taskURL(task, ""), f.lead.token, nil, 200), "percent")
	}
	return l
}

// run starts the workers and returns when all have stopped: when ctx
// ends, or at their first failed request (the server is gone).
func (l *load) run(ctx context.Context) {
	var wg sync.WaitGroup
	spawn := func(fn func(context.Context)) {
		wg.Add(1)
		go func() { defer wg.Done(); fn(ctx) }()
	}
	for i := 0; i < 2; i++ {
		spawn(l.proposalChain)
		spawn(l.castBallots)
	}
	for task := range l.percent {
		spawn(func(ctx context.Context) { l.reportProgress(ctx, task, l.percent[task]) })
	}
	wg.Wait()
}

// send performs one write and reports whether it was acknowledged; err
// means no answer arrived at all.
func (l *load) send(ctx context.Context, method, path, token string, body any) (reply, bool, error) {
	l.inFlight.Add(1)
	r, err := l.a.call(ctx, method, path, token, body)
	l.inFlight.Add(-1)
	if err != nil {
		return r, false, err
	}
	if !r.ok() {
		l.mu.Lock()
		l.refused[r.status]++
		l.mu.Unlock()
	}
	return r, r.ok(), nil
}

// acknowledged records one write (already in the ledger) and tells onAck.
func (l *load) acknowledged() {
	n := l.acked.Add(1)
	if l.onAck != nil {
		l.onAck(n)
	}
}

// proposalChain files proposals and moves each through submit and accept,
// each step a separately acknowledged write.
func (l *load) proposalChain(ctx context.Context) {
	for ctx.Err() == nil {
		r, ok, err := l.send(ctx, "POST", unitURL(l.f.grid, "/proposals"), l.f.guide.token, letter("转角遇到爱心椅"))
		if err != nil {
			return
		}
		if !ok {
			continue
		}
		var p struct{ ID int }
		if json.Unmarshal(r.body, &p) != nil || p.ID == 0 {
			return
		}
		l.led.proposal(p.ID, stepCreate)
		l.acknowledged()
		steps := []struct {
			action string
			by     account
			step   int
		}{{"submit", l.f.guide, stepSubmit}, {"accept", l.f.lead, stepAccept}}
		for _, s := range steps {
			_, ok, err := l.send(ctx, "POST", proposalURL(p.ID, "/"+s.action), s.by.token, nil)
			if err != nil {
				return
			}
			if !ok {
				break
			}
			l.led.proposal(p.ID, s.step)
			l.acknowledged()
		}
	}
}

// castBallots has each queued voter vote once.
func (l *load) castBallots(ctx context.Context) {
	for v := range l.voters {
		if ctx.Err() != nil {
			return
		}
		option := l.options[v.id%len(l.options)]
		r, ok, err := l.send(ctx, "POST", voteURL(l.vote, "/ballots"), v.token, map[string]any{"option_ids": []int{option}})
		if err != nil {
			return
		}
		if !ok {
			continue
		}
		var b struct{ Token, Receipt string }
		if json.Unmarshal(r.body, &b) != nil {
			return
		}
		l.led.ballot(ballotAck{vote: l.vote, voter: v.id, voterToken: v.token, token: b.Token, receipt: b.Receipt})
		l.acknowledged()
	}
}

// reportProgress posts reports on task, one percent higher each time up
// to 99 (a report may repeat the current percent, never go below it).
func (l *load) reportProgress(ctx context.Context, task, percent int) {
	for ctx.Err() == nil {
		next := min(percent+1, 99)
		r, ok, err := l.send(ctx, "POST", taskURL(task, "/reports"), l.f.implementer.token,
			map[string]any{"percent": next, "note": fmt.Sprintf("进度%d%%", next)})
		if err != nil {
			return
		}
		if !ok {
			continue
		}
		var rep struct{ ID int }
		if json.Unmarshal(r.body, &rep) != nil || rep.ID == 0 {
			return
		}
		percent = next
		l.led.report(rep.ID, task)
		l.acknowledged()
	}
}

// refusals summarises the non-2xx answers, e.g. "409×3".
func (l *load) refusals() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := ""
	for code, n := range l.refused {
		s += fmt.Sprintf(" %d×%d", code, n)
	}
	if s == "" {
		return " none"
	}
	return s
}

// serverErrors counts 5xx answers.
func (l *load) serverErrors() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for code, c := range l.refused {
		if code >= http.StatusInternalServerError {
			n += c
		}
	}
	return n
}
