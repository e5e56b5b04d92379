package handlers_test

import (
	"slices"
	"testing"
	"time"
)

// TestProposalEveryRefusedRole403 walks the "who" column of the lifecycle
// table (DESIGN.md §4) exhaustively: for every staff action, every role
// the table does not name is refused with 403 at a unit that holds the
// proposal, and the proposal does not move. The lead, named for every
// staff action, performs each one in the other tests.
func TestProposalEveryRefusedRole403(t *testing.T) {
	w := newWorld(t)
	roles := map[string]person{
		"resident":     w.member("居民", w.A1g1),
		"implementer":  w.implementer("物业", w.A1),
		"guide":        w.withRole("社区工作者", "guide", w.A1),
		"reviewer":     w.reviewerA1,
		"tenant_admin": w.adminA,
	}
	allowed := map[string][]string{
		"return": {"guide", "reviewer"}, "accept": {"reviewer"}, "reject": {"reviewer"}, "merge": {"guide"},
		"escalate": nil, "refer": nil, "schedule": nil, "decide": nil, "start": nil, "complete": nil, "close": nil,
	}
	body := map[string]any{"note": "试", "referred_to": "区住建局", "outcome": "approved"}
	byState := map[string]int{"submitted": w.submittedProposal()}
	byState["accepted"] = w.acceptedBy(w.leadA1)
	byState["deliberating"] = w.stateAfter(w.acceptedBy(w.leadA1), false)
	byState["approved"] = w.stateAfter(w.acceptedBy(w.leadA1), true)
	implementing := w.stateAfter(w.acceptedBy(w.leadA1), true)
	w.do("POST", proposalURL(implementing, "/tasks"), w.leadA1.Token, taskBody("安装", 72*time.Hour, map[string]any{"assignee_id": w.leadA1.ID})).want(201)
	w.act(w.leadA1, implementing, "start", nil).want(200)
	byState["implementing"] = implementing
	byState["completed"] = w.completedBy(w.member("提案人", w.A1g1))
	from := map[string]string{"return": "submitted", "accept": "submitted", "reject": "submitted", "merge": "submitted",
		"escalate": "submitted", "refer": "submitted", "schedule": "accepted", "decide": "deliberating",
		"start": "approved", "complete": "implementing", "close": "completed"}
	checked := 0
	for action, state := range from {
		id := byState[state]
		b := body
		if action == "merge" {
			b = map[string]any{"into_id": byState["accepted"]}
		}
		for role, p := range roles {
			if slices.Contains(allowed[action], role) {
				continue
			}
			if r := w.act(p, id, action, b); r.Code != 403 {
				t.Errorf("%s by %s on a %s proposal = %d, want 403: %s", action, role, state, r.Code, r.Body.String())
			}
			checked++
		}
		if st := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).obj()["status"]; st != state {
			t.Fatalf("refused %s moved the proposal to %v", action, st)
		}
	}
	if checked < 45 {
		t.Fatalf("only %d refusals checked", checked)
	}
}

// acceptedBy files a love-seat proposal and has lead accept it.
func (w *world) acceptedBy(lead person) int {
	w.t.Helper()
	id := w.submittedProposal()
	w.act(lead, id, "accept", nil).want(200)
	return id
}

// stateAfter schedules an accepted proposal and, when approve, decides it.
func (w *world) stateAfter(id int, approve bool) int {
	w.t.Helper()
	w.act(w.leadA1, id, "schedule", nil).want(200)
	if approve {
		w.act(w.leadA1, id, "decide", map[string]any{"outcome": "approved", "note": "通过"}).want(200)
	}
	return id
}

// TestProposalAuthorOnlyActionsRefuseEveryoneElse: an online draft is
// submitted only by its author, and withdrawn only by its author, whatever
// role the caller holds; resubmit is the author's or a guide's.
func TestProposalAuthorOnlyActionsRefuseEveryoneElse(t *testing.T) {
	w := newWorld(t)
	draft := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201).id()
	submitted := w.submittedProposal()
	returned := w.submittedProposal()
	w.act(w.reviewerA1, returned, "return", map[string]any{"note": "补充"}).want(200)
	neighbour := w.member("邻居", w.A1g1)
	w.act(neighbour, draft, "submit", nil).want(404) // someone else's draft is invisible
	w.act(neighbour, submitted, "withdraw", nil).want(403)
	for _, p := range []person{w.guideA1g1, w.reviewerA1, w.leadA1, w.adminA} {
		w.act(p, draft, "submit", nil).want(403)
		w.act(p, submitted, "withdraw", nil).want(403)
	}
	for _, p := range []person{w.member("另一邻居", w.A1g1), w.reviewerA1, w.leadA1, w.adminA} {
		w.act(p, returned, "resubmit", nil).want(403)
	}
	w.act(w.guideA1g1, returned, "resubmit", nil).want(200)
	w.act(w.resA1g1, submitted, "withdraw", nil).want(200)
	w.act(w.resA1g1, draft, "submit", nil).want(200)
}
