package handlers_test

import (
	"slices"
	"strconv"
	"testing"
)

// patchProposal edits proposal id as p, with If-Match when etag is set.
func (w *world) patchProposal(p person, id int, etag string, body map[string]any) response {
	w.t.Helper()
	h := map[string]string{}
	if etag != "" {
		h["If-Match"] = etag
	}
	return w.doWith("PATCH", proposalURL(id, ""), p.Token, body, h)
}

// editEvents returns the "edit" entries of a proposal's timeline.
func (w *world) editEvents(id int, by person) []map[string]any {
	w.t.Helper()
	_, events := w.timeline(id, by)
	var out []map[string]any
	for _, e := range events {
		if e["action"] == "edit" {
			out = append(out, e)
		}
	}
	return out
}

// TestProposalEditAuthorWhileDraftOrReturned: the author edits title,
// body, category and address of a draft and of a returned proposal, with
// If-Match; every change is an edit event with before and after; a stale
// ETag is 412; after submission the author's edit is 409; neighbours
// and other tenants cannot edit.
func TestProposalEditAuthorWhileDraftOrReturned(t *testing.T) {
	w := newWorld(t)
	draft := w.do("POST", unitPath(w.A1g1, "/proposals"), w.resA1g1.Token, loveSeat("online")).want(201)
	id, etag := draft.id(), draft.Header().Get("ETag")
	edited := w.patchProposal(w.resA1g1, id, etag, map[string]any{"body": "楼道转角放几把椅子", "address": "3栋2单元楼道"}).want(200)
	if o := edited.obj(); o["address"] != "3栋2单元楼道" || o["body"] != "楼道转角放几把椅子" {
		t.Fatalf("edited = %v", o)
	}
	w.patchProposal(w.resA1g1, id, etag, map[string]any{"title": "旧版本上的修改"}).want(412)
	w.patchProposal(w.resA1g1, id, edited.Header().Get("ETag"), map[string]any{"category_code": "NOPE"}).want(400)
	w.patchProposal(w.resA1g1, id, "", map[string]any{}).want(400)
	w.patchProposal(w.resA1g1, id, "", map[string]any{"title": ""}).want(400)
	neighbour := w.member("邻居", w.A1g1)
	w.patchProposal(neighbour, id, "", map[string]any{"title": "我来改"}).want(404) // a draft is its author's
	w.patchProposal(w.leadB1, id, "", map[string]any{"title": "越界"}).want(404)

	w.act(w.resA1g1, id, "submit", nil).want(200)
	w.patchProposal(neighbour, id, "", map[string]any{"body": "我来改"}).want(403)
	r := w.patchProposal(w.resA1g1, id, "", map[string]any{"title": "提交后再改"}).want(409)
	if r.obj()["code"] != "proposal.not_editable" {
		t.Fatalf("code = %v", r.obj()["code"])
	}
	w.act(w.reviewerA1, id, "return", map[string]any{"note": "请写明楼栋"}).want(200)
	w.patchProposal(w.resA1g1, id, "", map[string]any{"body": "3栋2单元楼道转角放几把椅子"}).want(200)
	w.act(w.resA1g1, id, "resubmit", nil).want(200)

	edits := w.editEvents(id, w.resA1g1)
	if len(edits) != 2 {
		t.Fatalf("edit events = %v", edits)
	}
	ch := edits[0]["detail"].(map[string]any)["changes"].(map[string]any)
	addr := ch["address"].(map[string]any)
	if addr["before"] != "" || addr["after"] != "3栋2单元楼道" || ch["title"] != nil {
		t.Fatalf("changes = %v", ch)
	}
}

// TestProposalEditStaffRenamesAndRecategorizes: a reviewer renames the
// love-seat proposal to the name residents voted for while it is
// implemented, but may not rewrite its body; nobody edits it once it has
// ended; a guide (no review power) cannot rename it.
func TestProposalEditStaffRenamesAndRecategorizes(t *testing.T) {
	w := newWorld(t)
	id := w.approvedLoveSeat()
	renamed := w.patchProposal(w.reviewerA1, id, "", map[string]any{"title": "转角遇到爱心椅（已命名）", "category_code": "E01"}).want(200).obj()
	if renamed["title"] != "转角遇到爱心椅（已命名）" || renamed["status"] != "approved" {
		t.Fatalf("renamed = %v", renamed)
	}
	w.patchProposal(w.reviewerA1, id, "", map[string]any{"body": "改写"}).want(403)
	w.patchProposal(w.guideA1g1, id, "", map[string]any{"title": "网格员改名"}).want(403)
	w.patchProposal(w.leadA2, id, "", map[string]any{"title": "别的社区"}).want(404)
	edits := w.editEvents(id, w.leadA1)
	if len(edits) != 1 || edits[0]["actor"] == "" {
		t.Fatalf("edits = %v", edits)
	}
	title := edits[0]["detail"].(map[string]any)["changes"].(map[string]any)["title"].(map[string]any)
	if title["before"] != "转角遇到爱心椅" || title["after"] != "转角遇到爱心椅（已命名）" {
		t.Fatalf("title change = %v", title)
	}
	// Unchanged values write nothing.
	w.patchProposal(w.reviewerA1, id, "", map[string]any{"title": "转角遇到爱心椅（已命名）"}).want(200)
	if n := len(w.editEvents(id, w.leadA1)); n != 1 {
		t.Fatalf("a no-op edit wrote an event (%d)", n)
	}
	rej := w.submittedProposal()
	w.act(w.leadA1, rej, "reject", map[string]any{"note": "不属于社区事务"}).want(200)
	w.patchProposal(w.leadA1, rej, "", map[string]any{"title": "改名"}).want(409)
}

// TestProposalMergeAndEscalationRecords: a merge writes "merged from #N"
// on the target as well as the source; an escalation keeps submitted_at
// and records escalated_at per level.
func TestProposalMergeAndEscalationRecords(t *testing.T) {
	w := newWorld(t)
	src, target := w.submittedProposal(), w.submittedProposal()
	w.act(w.leadA1, target, "accept", nil).want(200)
	w.act(w.leadA1, src, "merge", map[string]any{"into_id": target}).want(200)
	actions, events := w.timeline(target, w.leadA1)
	i := slices.Index(actions, "merge_in")
	if i < 0 || int(events[i]["detail"].(map[string]any)["merged_from"].(float64)) != src || events[i]["note"] != "合并自 #"+strconv.Itoa(src) {
		t.Fatalf("target timeline = %v", events)
	}
	if a, _ := w.timeline(src, w.leadA1); !slices.Contains(a, "merge") {
		t.Fatalf("source timeline = %v", a)
	}

	id := w.submittedProposal()
	before := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).obj()["submitted_at"]
	w.act(w.guideA1g1, id, "escalate", nil).want(403)
	w.act(w.leadA1, id, "escalate", nil).want(200)
	w.act(w.leadA1, id, "escalate", nil).want(200)
	sub := w.withRole("街道书记", "lead", w.A)
	w.act(sub, id, "escalate", nil).want(409) // no unit above the subdistrict: nothing recorded
	got := w.do("GET", proposalURL(id, ""), sub.Token, nil).want(200).obj()
	steps := got["escalations"].([]any)
	if got["submitted_at"] != before || len(steps) != 2 {
		t.Fatalf("submitted_at %v → %v, escalations %v", before, got["submitted_at"], steps)
	}
	step := steps[0].(map[string]any)
	last := steps[1].(map[string]any)
	if int(step["from_unit_id"].(float64)) != w.A1g1 || int(step["to_unit_id"].(float64)) != w.A1 || step["escalated_at"] == nil ||
		int(last["to_unit_id"].(float64)) != w.A || last["escalated_at"] == nil {
		t.Fatalf("escalations = %v", steps)
	}
}
