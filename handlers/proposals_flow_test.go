package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"yishi/internal/proposals"
)

// member registers a person as a verified member (resident) of unit.
func (w *world) member(name string, unit int) person {
	w.t.Helper()
	p := w.newPerson(name)
	w.do("POST", unitPath(unit, "/members"), w.leadA1.Token, map[string]any{
		"user_id": p.ID, "identities": []string{"resident"}}).want(201)
	return p
}

func jointProposal(deadline time.Time, threshold int) map[string]any {
	b := loveSeat("online")
	b["kind"], b["cosign_threshold"], b["cosign_deadline"] = "joint", threshold, deadline.UTC().Format(time.RFC3339)
	return b
}

func TestProposalJointCollectsUntilThreshold(t *testing.T) {
	w := newWorld(t)
	author := w.member("发起人", w.A1g1)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(48*time.Hour), 2)).want(201).id()
	if st := w.act(author, id, "submit", nil).want(200).obj()["status"]; st != "collecting" {
		t.Fatalf("joint submit → %v", st)
	}
	w.act(author, id, "cosign", nil).want(409) // no signing one's own
	a, b := w.member("甲", w.A1g1), w.member("乙", w.A1g1)
	outsider := w.member("隔壁网格", w.A1g2)
	w.act(outsider, id, "cosign", nil).want(403) // not a member of the proposal's unit
	w.act(a, id, "cosign", nil).want(200)
	w.act(a, id, "cosign", nil).want(409)
	got := w.act(b, id, "cosign", nil).want(200).obj()
	if got["status"] != "submitted" || int(got["cosign_count"].(float64)) != 2 {
		t.Fatalf("after threshold: %v", got)
	}
}

func TestProposalJointLapsesAfterDeadline(t *testing.T) {
	w := newWorld(t)
	author := w.member("发起人", w.A1g1)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(time.Hour), 5)).want(201).id()
	w.act(author, id, "submit", nil).want(200)
	n, err := proposals.LapseDue(context.Background(), w.st.Client, time.Now().Add(2*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("LapseDue = %d, %v", n, err)
	}
	p := w.do("GET", proposalURL(id, ""), author.Token, nil).want(200).obj()
	if p["status"] != "lapsed" {
		t.Fatalf("status %v", p["status"])
	}
	if n, _ := proposals.LapseDue(context.Background(), w.st.Client, time.Now().Add(2*time.Hour)); n != 0 {
		t.Fatal("lapsed twice")
	}
}

func TestProposalMergeCarriesCosignersOnce(t *testing.T) {
	w := newWorld(t)
	a, b, c := w.member("甲", w.A1g1), w.member("乙", w.A1g1), w.member("丙", w.A1g1)
	deadline := time.Now().Add(48 * time.Hour)
	target := w.do("POST", unitPath(w.A1g1, "/proposals"), a.Token, jointProposal(deadline, 10)).want(201).id()
	source := w.do("POST", unitPath(w.A1g1, "/proposals"), b.Token, jointProposal(deadline, 2)).want(201).id()
	w.act(a, target, "submit", nil).want(200)
	w.act(c, target, "cosign", nil).want(200) // c signs both
	w.act(b, source, "submit", nil).want(200)
	w.act(c, source, "cosign", nil).want(200)
	w.act(a, source, "cosign", nil).want(200) // threshold 2 reached: submitted
	w.act(w.leadA1, source, "merge", map[string]any{"into_id": source}).want(400)
	merged := w.act(w.guideA1g1, source, "merge", map[string]any{"into_id": target}).want(200).obj()
	if merged["status"] != "merged" || int(merged["merged_into_id"].(float64)) != target {
		t.Fatalf("merged = %v", merged)
	}
	// target had {c}; source brings {c, a, author b}; a is target's author.
	got := w.do("GET", proposalURL(target, ""), w.leadA1.Token, nil).want(200).obj()
	if int(got["cosign_count"].(float64)) != 2 {
		t.Fatalf("target cosign_count = %v, want 2 (c and b)", got["cosign_count"])
	}
}

func TestProposalEscalateReferReject(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	esc := w.act(w.leadA1, id, "escalate", nil).want(200).obj()
	if int(esc["unit_id"].(float64)) != w.A1 || esc["status"] != "submitted" {
		t.Fatalf("escalated = %v", esc)
	}
	w.act(w.guideA1g1, id, "return", map[string]any{"note": "x"}).want(403) // grid staff still follow it, no longer handle it
	var sawEscalate bool
	for _, e := range w.do("GET", proposalURL(id, "/events"), w.guideA1g1.Token, nil).want(200).obj()["items"].([]any) {
		sawEscalate = sawEscalate || e.(map[string]any)["action"] == "escalate"
	}
	if !sawEscalate {
		t.Fatal("grid staff lost the timeline of the proposal they escalated")
	}
	up := w.act(w.leadA1, id, "escalate", nil).want(200).obj()
	if int(up["unit_id"].(float64)) != w.A {
		t.Fatalf("escalated twice = %v", up)
	}
	w.act(w.leadA1, id, "refer", map[string]any{"referred_to": "区住建局"}).want(403) // now the subdistrict's
	w.do("GET", proposalURL(id, "/events"), w.leadA1.Token, nil).want(200)
	w.do("GET", proposalURL(id, ""), w.leadA2.Token, nil).want(404)
	subLead := w.withRole("街道书记", "lead", w.A)
	w.act(subLead, id, "escalate", nil).want(409) // a subdistrict has no higher unit
	w.act(subLead, id, "refer", map[string]any{}).want(400)
	ref := w.act(subLead, id, "refer", map[string]any{"referred_to": "区住建局"}).want(200).obj()
	if ref["status"] != "referred" || ref["referred_to"] != "区住建局" {
		t.Fatalf("referred = %v", ref)
	}
	// Reject: a reason is required, and the negative-list code when screening matched.
	body := loveSeat("online")
	body["body"] = "楼上邻居欠我钱不还，我已经向法院起诉，希望社区出面。"
	neg := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, body).want(201).id()
	flags := w.act(w.resA1g1, neg, "submit", nil).want(200).obj()["screening_flags"].([]any)
	if len(flags) == 0 || !strings.Contains(flags[0].(map[string]any)["code"].(string), "N") {
		t.Fatalf("flags = %v", flags)
	}
	w.act(w.leadA1, neg, "reject", map[string]any{}).want(400)
	w.act(w.leadA1, neg, "reject", map[string]any{"note": "属于司法程序"}).want(400)
	w.act(w.leadA1, neg, "reject", map[string]any{"note": "属于司法程序", "reason_code": "E01"}).want(400)
	code := flags[0].(map[string]any)["code"].(string)
	rej := w.act(w.leadA1, neg, "reject", map[string]any{"note": "属于司法程序", "reason_code": code}).want(200).obj()
	if rej["status"] != "rejected" || rej["reason_code"] != code {
		t.Fatalf("rejected = %v", rej)
	}
}

func TestProposalLifecycleToClosed(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	w.act(w.leadA1, id, "accept", nil).want(200)
	w.act(w.leadA1, id, "schedule", nil).want(200)
	w.act(w.leadA1, id, "decide", map[string]any{"outcome": "maybe"}).want(400)
	w.act(w.leadA1, id, "decide", map[string]any{"outcome": "approved", "note": "议事会通过"}).want(200)
	vol := w.implementer("志愿者", w.A1g1) // start needs a task, complete needs it done
	task := w.createTask(id, taskBody("安装爱心椅", time.Hour, map[string]any{"assignee_id": vol.ID}))
	w.act(w.leadA1, id, "start", nil).want(200)
	w.report(vol, task, 100, "安装完毕").want(201)
	w.act(w.leadA1, id, "complete", nil).want(200)
	closed := w.act(w.leadA1, id, "close", nil).want(200).obj()
	if closed["status"] != "closed" || closed["outcome"] != "approved" || closed["closed_at"] == nil {
		t.Fatalf("closed = %v", closed)
	}
	w.act(w.resA1g1, id, "withdraw", nil).want(409)
}

// TestProposalConcurrentCosignsAllCount: neighbours signing at the same
// moment all count; none is told to retry.
func TestProposalConcurrentCosignsAllCount(t *testing.T) {
	w := newWorld(t)
	author := w.member("发起人", w.A1g1)
	id := w.do("POST", unitPath(w.A1g1, "/proposals"), author.Token, jointProposal(time.Now().Add(48*time.Hour), 50)).want(201).id()
	w.act(author, id, "submit", nil).want(200)
	signers := make([]person, 8)
	for i := range signers {
		signers[i] = w.member(fmt.Sprintf("邻居%d", i), w.A1g1)
	}
	codes := make([]int, len(signers))
	var wg sync.WaitGroup
	for i, p := range signers {
		wg.Add(1)
		go func(i int, p person) {
			defer wg.Done()
			codes[i] = w.act(p, id, "cosign", nil).Code
		}(i, p)
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Fatalf("signer %d got %d (codes %v)", i, c, codes)
		}
	}
	if n := w.do("GET", proposalURL(id, ""), author.Token, nil).want(200).obj()["cosign_count"].(float64); n != 8 {
		t.Fatalf("cosign_count = %v, want 8", n)
	}
}

// TestProposalMergeTakesCollectingTargetToSubmitted: carried signatures
// that reach a collecting target's threshold submit it.
func TestProposalMergeTakesCollectingTargetToSubmitted(t *testing.T) {
	w := newWorld(t)
	a, b, c, d := w.member("甲", w.A1g1), w.member("乙", w.A1g1), w.member("丙", w.A1g1), w.member("丁", w.A1g1)
	deadline := time.Now().Add(48 * time.Hour)
	target := w.do("POST", unitPath(w.A1g1, "/proposals"), a.Token, jointProposal(deadline, 3)).want(201).id()
	source := w.do("POST", unitPath(w.A1g1, "/proposals"), b.Token, jointProposal(deadline, 2)).want(201).id()
	w.act(a, target, "submit", nil).want(200)
	w.act(b, source, "submit", nil).want(200)
	w.act(c, source, "cosign", nil).want(200)
	w.act(d, source, "cosign", nil).want(200) // source submitted
	w.act(w.leadA1, source, "merge", map[string]any{"into_id": target}).want(200)
	got := w.do("GET", proposalURL(target, ""), a.Token, nil).want(200).obj()
	if got["status"] != "submitted" || got["cosign_count"].(float64) != 3 {
		t.Fatalf("target after merge = %v / %v", got["status"], got["cosign_count"])
	}
}
