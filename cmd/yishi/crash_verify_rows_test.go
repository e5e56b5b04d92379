package main

import (
	"fmt"
	"testing"
)

// checkWhole fails the test for every half-written object: a proposal
// without its create event, a status without the event that set it, a
// ballot without its participation or the reverse, a progress report
// without its timeline event or the reverse, a task whose percent is not
// its latest report's. It returns how many objects it checked.
func (r rows) checkWhole(t *testing.T) (checked int) {
	t.Helper()
	for id, status := range r.status {
		if !r.actions[id]["create"] {
			t.Errorf("proposal %d has no create event", id)
		}
		if r.lastTo[id] != status {
			t.Errorf("proposal %d is %s but its latest event leads to %q", id, status, r.lastTo[id])
		}
	}
	for key := range r.ballotKeys {
		if !r.participation[key] {
			t.Errorf("ballot %s has no participation", key)
		}
	}
	for key := range r.participation {
		if !r.ballotKeys[key] {
			t.Errorf("participation %s has no ballot", key)
		}
	}
	for id, task := range r.reports {
		if !r.reportEvents[id] {
			t.Errorf("progress report %d on task %d has no timeline event", id, task)
		}
	}
	for id := range r.reportEvents {
		if _, ok := r.reports[id]; !ok {
			t.Errorf("a progress_report event names report %d, which does not exist", id)
		}
	}
	for task, percent := range r.lastPercent {
		if r.taskPercent[task] != percent {
			t.Errorf("task %d is at %d%% but its latest report says %d%%", task, r.taskPercent[task], percent)
		}
	}
	return len(r.status) + len(r.ballotKeys) + len(r.reports)
}

// checkAcknowledged fails the test for every acknowledged write the rows
// lack, and returns how many it found.
func (r rows) checkAcknowledged(t *testing.T, led *ledger) (found int) {
	t.Helper()
	for id, step := range led.proposals {
		for i, action := range []string{"create", "submit", "accept"}[:step] {
			if r.actions[id][action] {
				found++
			} else {
				t.Errorf("acknowledged step %d (%s) of proposal %d is not in the database", i+1, action, id)
			}
		}
	}
	for _, b := range led.ballots {
		if r.tokens[fmt.Sprintf("%d/%s", b.vote, b.token)] && r.castBy[fmt.Sprintf("%d/%d", b.vote, b.voter)] {
			found++
		} else {
			t.Errorf("acknowledged ballot of user %d on vote %d is not in the database", b.voter, b.vote)
		}
	}
	for id, task := range led.reports {
		if r.reports[id] == task {
			found++
		} else {
			t.Errorf("acknowledged progress report %d on task %d is not in the database", id, task)
		}
	}
	return found
}
