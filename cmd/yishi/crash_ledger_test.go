package main

import "sync"

// Steps of the proposal chain, in order; the ledger keeps the furthest
// one the server acknowledged for each proposal.
const (
	stepCreate = iota + 1
	stepSubmit
	stepAccept
)

// ballotAck is an acknowledged ballot with what proves it was stored.
type ballotAck struct {
	vote, voter    int
	voterToken     string
	token, receipt string
}

// ledger is every write the server acknowledged with a complete 2xx
// answer. Nothing else is ever expected to survive a crash.
type ledger struct {
	mu        sync.Mutex
	proposals map[int]int // proposal id → furthest acknowledged step
	ballots   []ballotAck
	reports   map[int]int // report id → task id
}

func newLedger() *ledger {
	return &ledger{proposals: map[int]int{}, reports: map[int]int{}}
}

func (l *ledger) proposal(id, step int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if step > l.proposals[id] {
		l.proposals[id] = step
	}
}

func (l *ledger) ballot(b ballotAck) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ballots = append(l.ballots, b)
}

func (l *ledger) report(id, task int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reports[id] = task
}

// writes counts the acknowledged writes: one per proposal step, ballot
// and report.
func (l *ledger) writes() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.ballots) + len(l.reports)
	for _, step := range l.proposals {
		n += step
	}
	return n
}

// snapshot copies the ledger, for checks made while writes continue.
func (l *ledger) snapshot() *ledger {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := newLedger()
	for k, v := range l.proposals {
		c.proposals[k] = v
	}
	for k, v := range l.reports {
		c.reports[k] = v
	}
	c.ballots = append(c.ballots, l.ballots...)
	return c
}
