package handlers_test

import (
	"slices"
	"testing"
	"time"

	"yishi/internal/workflow"
)

// TestProposalAllowedActionsMatchTheRoutes checks allowed_actions against
// the action routes themselves, for several roles and statuses: every
// listed action gets past access (never 401, 403 or 404; it may still be
// 200, 400 or 409), and every unlisted action is refused with 403 or 409
// and moves nothing. Actions mutate, so each listed action is tried on a
// fresh proposal in the same status; the refused ones share one.
func TestProposalAllowedActionsMatchTheRoutes(t *testing.T) {
	w := newWorld(t)
	author := w.member("提案人", w.A1g1)
	roles := []struct {
		name string
		p    person
	}{
		{"author", author},
		{"neighbour", w.member("邻居", w.A1g2)},
		{"guide", w.guideA1g1},
		{"reviewer", w.reviewerA1},
		{"lead", w.leadA1},
		{"implementer", w.implementer("物业", w.A1)},
	}
	into := w.proposalIn(author, "submitted")
	body := map[string]any{"note": "试", "referred_to": "区住建局", "outcome": "approved", "into_id": into}
	listed := 0
	for _, status := range []string{"draft", "collecting", "submitted", "needs_revision", "accepted", "approved"} {
		for _, r := range roles {
			id := w.proposalIn(author, status)
			got := w.do("GET", proposalURL(id, ""), r.p.Token, nil)
			if got.Code == 404 { // a draft is its author's alone: every action is 404 too
				for _, a := range workflow.Actions() {
					if code := w.act(r.p, id, a, body).Code; code != 404 {
						t.Errorf("%s %s on an invisible %s proposal = %d, want 404", r.name, a, status, code)
					}
				}
				continue
			}
			allowed := allowedActions(got.want(200))
			for _, a := range workflow.Actions() {
				if slices.Contains(allowed, a) {
					listed++
					fresh := w.proposalIn(author, status)
					if res := w.act(r.p, fresh, a, body); res.Code == 401 || res.Code == 403 || res.Code == 404 {
						t.Errorf("%s may %s a %s proposal by allowed_actions, but the route answers %d: %s",
							r.name, a, status, res.Code, res.Body.String())
					}
					continue
				}
				if res := w.act(r.p, id, a, body); res.Code != 403 && res.Code != 409 {
					t.Errorf("%s may not %s a %s proposal by allowed_actions, but the route answers %d: %s",
						r.name, a, status, res.Code, res.Body.String())
				}
			}
			if st := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).obj()["status"]; st != status {
				t.Fatalf("refused actions by %s moved a %s proposal to %v", r.name, status, st)
			}
		}
	}
	if listed < 25 {
		t.Fatalf("only %d listed actions tried", listed)
	}
}

// TestProposalAllowedActionsInAnswers: the create and transition answers
// carry allowed_actions for the proposal's new status.
func TestProposalAllowedActionsInAnswers(t *testing.T) {
	w := newWorld(t)
	created := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	if got := allowedActions(created); !slices.Equal(got, []string{"submit", "withdraw"}) {
		t.Fatalf("a new draft's author may %v, want [submit withdraw]", got)
	}
	id := created.id()
	if got := allowedActions(w.act(w.resA1g1, id, "submit", nil).want(200)); !slices.Equal(got, []string{"withdraw"}) {
		t.Fatalf("after submitting, the author may %v, want [withdraw]", got)
	}
	if got := allowedActions(w.act(w.leadA1, id, "accept", nil).want(200)); !slices.Equal(got, []string{"merge", "escalate", "refer", "schedule"}) {
		t.Fatalf("after accepting, the lead may %v", got)
	}
}

// allowedActions reads allowed_actions, which must be present.
func allowedActions(r response) []string {
	r.t.Helper()
	raw, ok := r.obj()["allowed_actions"].([]any)
	if !ok {
		r.t.Fatalf("no allowed_actions array in %s", r.Body.String())
	}
	out := make([]string, 0, len(raw))
	for _, a := range raw {
		out = append(out, a.(string))
	}
	return out
}

// proposalIn files a love-seat proposal by author in grid A1g1 and moves
// it to status as the community's lead and reviewer would.
func (w *world) proposalIn(author person, status string) int {
	w.t.Helper()
	body := loveSeat("online")
	if status == "collecting" {
		body = jointProposal(time.Now().Add(72*time.Hour), 3)
	}
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, body).want(201).id()
	steps := map[string][]func(){
		"collecting":     {func() { w.act(author, id, "submit", nil).want(200) }},
		"submitted":      {func() { w.act(author, id, "submit", nil).want(200) }},
		"needs_revision": {func() { w.act(author, id, "submit", nil).want(200) }, func() { w.act(w.reviewerA1, id, "return", map[string]any{"note": "补充"}).want(200) }},
		"accepted":       {func() { w.act(author, id, "submit", nil).want(200) }, func() { w.act(w.leadA1, id, "accept", nil).want(200) }},
		"approved": {func() { w.act(author, id, "submit", nil).want(200) }, func() { w.act(w.leadA1, id, "accept", nil).want(200) },
			func() { w.stateAfter(id, true) }},
	}
	for _, step := range steps[status] {
		step()
	}
	return id
}
