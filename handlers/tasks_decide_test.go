package handlers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"yishi/internal/viewer"
)

// deliberating is the love-seat proposal accepted and scheduled.
func (w *world) deliberating() int {
	w.t.Helper()
	id := w.submittedProposal()
	w.act(w.leadA1, id, "accept", nil).want(200)
	w.act(w.leadA1, id, "schedule", nil).want(200)
	return id
}

// closedVote runs a members vote at A1 on proposal pid (0: none) to its
// close and returns its id.
func (w *world) closedVote(pid int, title string) int {
	w.t.Helper()
	more := map[string]any{}
	if pid > 0 {
		more["proposal_id"] = pid
	}
	id, _ := w.createVote(w.A1, voteBody(title, []string{"同意", "反对"}, more))
	w.openVote(id)
	w.closeVote(id)
	return id
}

// lastDecision returns the detail of pid's latest decide event.
func (w *world) lastDecision(pid int) map[string]any {
	w.t.Helper()
	_, events := w.timeline(pid, w.leadA1)
	for i := len(events) - 1; i >= 0; i-- {
		if events[i]["action"] == "decide" {
			d, _ := events[i]["detail"].(map[string]any)
			return d
		}
	}
	w.t.Fatal("no decide event")
	return nil
}

// TestTaskDecideCitesTheVote: a decision needs its text, and rests on the
// proposal's vote: the one closed vote is cited automatically, a vote of
// another proposal is refused.
func TestTaskDecideCitesTheVote(t *testing.T) {
	w := newWorld(t)
	w.member("投票人", w.A1g1)
	pid := w.deliberating()
	problemHas(t, w.act(w.leadA1, pid, "decide", map[string]any{"outcome": "approved"}).want(400), "note")
	vote := w.closedVote(pid, "是否安装爱心椅")
	other := w.closedVote(0, "别的事")
	decide := map[string]any{"outcome": "approved", "note": "按投票结果安装"}
	for _, bad := range []int{other, 99999} {
		decide["vote_id"] = bad
		problemHas(t, w.act(w.leadA1, pid, "decide", decide).want(400), "vote_id")
	}
	delete(decide, "vote_id")
	w.act(w.leadA1, pid, "decide", decide).want(200)
	if d := w.lastDecision(pid); d["vote_id"].(float64) != float64(vote) || d["citation"] != "automatic" {
		t.Fatalf("decision detail = %v, want vote %d cited", d, vote)
	}
	p := w.st.Client.Proposal.GetX(viewer.SystemContext(context.Background()), pid)
	if p.DecisionVoteID == nil || *p.DecisionVoteID != vote || p.DecisionMinutesID != nil || p.DecisionNote != "按投票结果安装" {
		t.Fatalf("stored decision: vote %v, minutes %v, note %q", p.DecisionVoteID, p.DecisionMinutesID, p.DecisionNote)
	}
}

// TestTaskDecideAmbiguousNeedsACitation: with two closed votes the lead
// chooses; the chosen one is recorded.
func TestTaskDecideAmbiguousNeedsACitation(t *testing.T) {
	w := newWorld(t)
	w.member("投票人", w.A1g1)
	pid := w.deliberating()
	w.closedVote(pid, "样式")
	place := w.closedVote(pid, "位置")
	decide := map[string]any{"outcome": "approved", "note": "通过"}
	problemHas(t, w.act(w.leadA1, pid, "decide", decide).want(400), "vote_id", "minutes_id")
	decide["vote_id"] = place
	w.act(w.leadA1, pid, "decide", decide).want(200)
	if d := w.lastDecision(pid); d["vote_id"].(float64) != float64(place) || d["citation"] != "explicit" {
		t.Fatalf("decision detail = %v", d)
	}
}

// TestTaskDecideCitesApprovedMinutes: minutes count once approved, and
// only those of a meeting that had the proposal on its agenda.
func TestTaskDecideCitesApprovedMinutes(t *testing.T) {
	w := newWorld(t)
	pid := w.submittedProposal()
	w.act(w.leadA1, pid, "accept", nil).want(200)
	start := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)
	m := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, map[string]any{"title": "爱心椅议事会",
		"format": "deliberation", "starts_at": start.Format(time.RFC3339), "proposal_ids": []int{pid}}).want(201).id()
	w.do("POST", fmt.Sprintf("/v1/meetings/%d/held", m), w.leadA1.Token, nil).want(200)
	minutes := w.do("PUT", fmt.Sprintf("/v1/meetings/%d/minutes", m), w.leadA1.Token,
		map[string]any{"text": "同意在楼道转角安装折叠椅"}).want(200).id()
	decide := map[string]any{"outcome": "approved", "note": "依据议事会会议记录", "minutes_id": minutes}
	problemHas(t, w.act(w.leadA1, pid, "decide", decide).want(400), "minutes_id") // still a draft
	w.do("POST", fmt.Sprintf("/v1/meetings/%d/minutes/approve", m), w.leadA1.Token, nil).want(200)
	w.act(w.leadA1, pid, "decide", decide).want(200)
	if d := w.lastDecision(pid); d["minutes_id"].(float64) != float64(minutes) || d["citation"] != "explicit" {
		t.Fatalf("decision detail = %v", d)
	}
	if p := w.st.Client.Proposal.GetX(viewer.SystemContext(context.Background()), pid); p.DecisionMinutesID == nil || *p.DecisionMinutesID != minutes {
		t.Fatalf("stored minutes citation = %v", p.DecisionMinutesID)
	}
}
