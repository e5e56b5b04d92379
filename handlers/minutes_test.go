package handlers_test

import (
	"slices"
	"testing"
)

// TestMinutesReportMeetingRecordsOnEveryReportedProposal: a report
// meeting lists accepted-or-later proposals without moving them; its
// approved minutes go on each one's timeline as report_meeting.
func TestMinutesReportMeetingRecordsOnEveryReportedProposal(t *testing.T) {
	w := newWorld(t)
	worker := w.withRole("社区工作者", "guide", w.A1)
	accepted, submitted := w.acceptedProposal(), w.submittedProposal()
	body := deliberation("季度报告会")
	body["format"] = "report_meeting"
	body["proposal_ids"] = []int{submitted}
	res := w.do("POST", unitPath(w.A1, "/meetings"), worker.Token, body).want(409)
	if res.obj()["code"] != "proposal.invalid_transition" {
		t.Fatalf("problem %v", res.obj())
	}
	body["proposal_ids"] = []int{accepted}
	id := w.do("POST", unitPath(w.A1, "/meetings"), worker.Token, body).want(201).id()
	if st := w.do("GET", proposalURL(accepted, ""), worker.Token, nil).want(200).obj()["status"]; st != "accepted" {
		t.Fatalf("a report moved the proposal to %v", st)
	}
	w.do("POST", meetingURL(id, "/held"), worker.Token, nil).want(200)
	w.do("PUT", meetingURL(id, "/minutes"), worker.Token, map[string]any{"text": "向居民报告爱心椅进展"}).want(200)
	w.do("POST", meetingURL(id, "/minutes/approve"), w.leadA1.Token, nil).want(200)
	actions, events := w.eventActions(accepted, w.resA1g1)
	if !slices.Contains(actions, "agenda") || actions[len(actions)-1] != "report_meeting" {
		t.Fatalf("timeline = %v", actions)
	}
	if last := events[len(events)-1]; last["note"] != "向居民报告爱心椅进展" {
		t.Fatalf("report event = %v", last)
	}
}

// TestMinutesAgendaKeepsDeferredProposals: a proposal deferred at one
// meeting (still deliberating) goes on the next meeting's agenda; a
// proposal is on one agenda once; a held meeting's agenda is closed.
func TestMinutesAgendaKeepsDeferredProposals(t *testing.T) {
	w := newWorld(t)
	pid := w.acceptedProposal()
	first := w.meeting("第一次议事会", pid)
	second := w.meeting("第二次议事会")
	item := w.do("POST", meetingURL(second, "/agenda"), w.leadA1.Token, map[string]any{"proposal_id": pid}).want(201).obj()
	if item["proposal_status"] != "deliberating" || item["title"] != "转角遇到爱心椅" || item["position"].(float64) != 1 {
		t.Fatalf("agenda item = %v", item)
	}
	w.do("POST", meetingURL(second, "/agenda"), w.leadA1.Token, map[string]any{"proposal_id": pid}).want(409)
	w.do("POST", meetingURL(first, "/held"), w.leadA1.Token, nil).want(200)
	w.do("POST", meetingURL(first, "/agenda"), w.leadA1.Token, map[string]any{"title": "其他事项"}).want(409)
	w.do("POST", meetingURL(first, "/minutes/approve"), w.leadA1.Token, nil).want(409) // nothing written yet
	if actions, _ := w.eventActions(pid, w.leadA1); !slices.Equal(actions[len(actions)-2:], []string{"schedule", "agenda"}) {
		t.Fatalf("timeline = %v", actions)
	}
}
