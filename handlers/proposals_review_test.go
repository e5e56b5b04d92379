package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"yishi/internal/viewer"
)

// TestProposalGridLeadEscalatesToCommunity: the example, grid →
// community, by the lead of the grid. The grid lead loses the proposal
// (roles never apply upward) but the escalation, and its timeline entry,
// must go through.
func TestProposalGridLeadEscalatesToCommunity(t *testing.T) {
	w := newWorld(t)
	gridLead := w.withRole("网格长", "lead", w.A1g1)
	id := w.submittedProposal()
	w.act(gridLead, id, "escalate", map[string]any{"note": "需社区协调"}).want(200)
	got := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).obj()
	if int(got["unit_id"].(float64)) != w.A1 || got["status"] != "submitted" {
		t.Fatalf("escalated = %v", got)
	}
	events := w.do("GET", proposalURL(id, "/events"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)
	last := events[len(events)-1].(map[string]any)
	if last["action"] != "escalate" || !strings.HasPrefix(last["actor"].(string), "u:") {
		t.Fatalf("last event = %v", last)
	}
}

// TestProposalIllegalTransitionBeats400: an action the status forbids is
// 409 proposal.invalid_transition even when its body is incomplete.
func TestProposalIllegalTransitionBeats400(t *testing.T) {
	w := newWorld(t)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	for _, action := range []string{"reject", "refer", "merge"} {
		p := w.act(w.leadA1, id, action, nil).want(409).obj()
		if p["code"] != "proposal.invalid_transition" {
			t.Fatalf("%s on a draft: %v", action, p)
		}
	}
}

// TestProposalNoCosignAfterDeadline: once the deadline has passed a joint
// proposal takes no signature and cannot be submitted, even before the
// lapse job has run.
func TestProposalNoCosignAfterDeadline(t *testing.T) {
	w := newWorld(t)
	author, signer := w.member("发起人", w.A1g1), w.member("甲", w.A1g1)
	open := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(time.Hour), 2)).want(201).id()
	late := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(time.Hour), 2)).want(201).id()
	w.act(author, open, "submit", nil).want(200)
	past := time.Now().Add(-time.Minute)
	sys := viewer.SystemContext(context.Background())
	for _, id := range []int{open, late} {
		if err := w.st.Client.Proposal.UpdateOneID(id).SetCosignDeadline(past).Exec(sys); err != nil {
			t.Fatal(err)
		}
	}
	if p := w.act(signer, open, "cosign", nil).want(409).obj(); p["code"] != "proposal.deadline_passed" {
		t.Fatalf("late cosign: %v", p)
	}
	w.act(author, late, "submit", nil).want(409)
	got := w.do("GET", proposalURL(open, ""), author.Token, nil).want(200).obj()
	if got["status"] != "collecting" || int(got["cosign_count"].(float64)) != 0 {
		t.Fatalf("after refused cosign: %v", got)
	}
}

// TestAgendaSchedulesOnlyWhereHandled: a grid lead cannot schedule, by
// putting it on a grid meeting's agenda, a proposal escalated to the
// community; the community lead can.
func TestAgendaSchedulesOnlyWhereHandled(t *testing.T) {
	w := newWorld(t)
	gridLead := w.withRole("网格长", "lead", w.A1g1)
	id := w.submittedProposal()
	w.act(w.leadA1, id, "accept", nil).want(200) // handled at the grid: A1 may act below
	w.act(w.leadA1, id, "escalate", nil).want(200)
	body := deliberation("网格议事", id)
	w.do("POST", unitPath(w.A1g1, "/meetings"), gridLead.Token, body).want(403)
	m := w.do("POST", unitPath(w.A1g1, "/meetings"), gridLead.Token, deliberation("网格议事")).want(201).id()
	w.do("POST", meetingURL(m, "/agenda"), gridLead.Token, map[string]any{"proposal_id": id}).want(403)
	if st := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).obj()["status"]; st != "accepted" {
		t.Fatalf("status = %v", st)
	}
	w.do("POST", meetingURL(m, "/agenda"), w.leadA1.Token, map[string]any{"proposal_id": id}).want(201)
}
