package handlers_test

import (
	"fmt"
	"time"
)

func meetingURL(id int, suffix string) string { return fmt.Sprintf("/v1/meetings/%d%s", id, suffix) }

// rfc formats t as the API expects.
func rfc(t time.Time) string { return t.Format(time.RFC3339) }

// teaHouse has the A1 lead register the community's tea house.
func (w *world) teaHouse(name string) int {
	w.t.Helper()
	return w.do("POST", unitPath(w.A1, "/venues"), w.leadA1.Token, map[string]any{
		"name": name, "kind": "tea_house", "address": "锦华路12号", "capacity": 40}).want(201).id()
}

// acceptedProposal is the love-seat letter entered by the grid worker,
// submitted and accepted by the community's reviewer.
func (w *world) acceptedProposal() int {
	w.t.Helper()
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), w.guideA1g1.Token, loveSeat("mailbox")).want(201).id()
	w.act(w.guideA1g1, id, "submit", nil).want(200)
	w.act(w.reviewerA1, id, "accept", nil).want(200)
	return id
}

// deliberation is a meeting body at A1 that started an hour ago.
func deliberation(title string, proposalIDs ...int) map[string]any {
	start := time.Now().Add(-time.Hour).Truncate(time.Second)
	return map[string]any{"title": title, "format": "deliberation", "starts_at": rfc(start),
		"ends_at": rfc(start.Add(2 * time.Hour)), "proposal_ids": proposalIDs}
}

// meeting has the A1 lead create a deliberation meeting at A1.
func (w *world) meeting(title string, proposalIDs ...int) int {
	w.t.Helper()
	return w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, deliberation(title, proposalIDs...)).want(201).id()
}

// heldMeetingWithDraft is a held A1 meeting whose minutes have a draft.
func (w *world) heldMeetingWithDraft() int {
	w.t.Helper()
	id := w.meeting("议事会")
	w.do("POST", meetingURL(id, "/held"), w.leadA1.Token, nil).want(200)
	w.do("PUT", meetingURL(id, "/minutes"), w.leadA1.Token, map[string]any{"text": "会议记录草稿"}).want(200)
	return id
}

// guest lists a named guest at meeting id and returns the participant id.
func (w *world) guest(id int, name, identity string) int {
	w.t.Helper()
	return w.do("POST", meetingURL(id, "/participants"), w.leadA1.Token, map[string]any{
		"guest_name": name, "guest_phone": "13912345678", "identity": identity}).want(201).id()
}

// problemFields lists the field names of a 400 problem.
func problemFields(r response) []string {
	r.t.Helper()
	var out []string
	for _, e := range r.obj()["errors"].([]any) {
		out = append(out, e.(map[string]any)["field"].(string))
	}
	return out
}

// eventActions lists a proposal's timeline actions, oldest first.
func (w *world) eventActions(id int, by person) ([]string, []map[string]any) {
	w.t.Helper()
	var actions []string
	var events []map[string]any
	for _, e := range w.do("GET", proposalURL(id, "/events?limit=200"), by.Token, nil).want(200).obj()["items"].([]any) {
		ev := e.(map[string]any)
		actions = append(actions, ev["action"].(string))
		events = append(events, ev)
	}
	return actions, events
}
