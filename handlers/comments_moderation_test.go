package handlers_test

import (
	"fmt"
	"testing"
)

func commentURL(id int, suffix string) string { return fmt.Sprintf("/v1/comments/%d%s", id, suffix) }

// commentIn finds comment id in proposal pid's thread as p reads it.
func (w *world) commentIn(p person, pid, id int) map[string]any {
	w.t.Helper()
	for _, c := range w.do("GET", proposalURL(pid, "/comments"), p.Token, nil).want(200).obj()["items"].([]any) {
		if m := c.(map[string]any); int(m["id"].(float64)) == id {
			return m
		}
	}
	w.t.Fatalf("comment %d not in the thread of proposal %d", id, pid)
	return nil
}

// TestCommentModerationHideReportRestore: a comment matching the negative
// list is flagged for moderators; a neighbour reports it (once); the guide
// hides it: residents see it hidden with no body, moderators in full with
// the report; a resident cannot hide; the reviewer restores it; every act
// is audited.
func TestCommentModerationHideReportRestore(t *testing.T) {
	w := newWorld(t)
	pid := w.submittedProposal()
	author, neighbour := w.member("发言人", w.A1g1), w.member("邻居", w.A1g2)
	c := w.do("POST", proposalURL(pid, "/comments"), author.Token, map[string]any{"body": "欢迎来我店里，促销打折"}).want(201).obj()
	cid := int(c["id"].(float64))
	if c["status"] != "visible" || c["moderation"] != nil {
		t.Fatalf("author's own answer: %v", c)
	}
	mod := w.commentIn(w.guideA1g1, pid, cid)["moderation"].(map[string]any)
	if flags := mod["screening_flags"].([]any); len(flags) != 1 || flags[0].(map[string]any)["code"] != "N04" {
		t.Fatalf("screening flags: %v", mod)
	}
	if w.commentIn(neighbour, pid, cid)["moderation"] != nil {
		t.Fatal("a resident sees the moderation record")
	}

	w.do("POST", commentURL(cid, "/reports"), neighbour.Token, map[string]any{"reason": "广告"}).want(201)
	w.do("POST", commentURL(cid, "/reports"), neighbour.Token, map[string]any{"reason": "还是广告"}).want(200)
	w.do("POST", commentURL(cid, "/reports"), neighbour.Token, map[string]any{"reason": ""}).want(400)
	w.do("POST", commentURL(cid, "/reports"), w.leadB1.Token, map[string]any{"reason": "广告"}).want(404)

	w.do("POST", commentURL(cid, "/hide"), neighbour.Token, map[string]any{"reason": "我不喜欢"}).want(403)
	w.do("POST", commentURL(cid, "/hide"), w.guideA1g1.Token, map[string]any{}).want(400)
	h := w.do("POST", commentURL(cid, "/hide"), w.guideA1g1.Token, map[string]any{"reason": "商业广告"}).want(200).obj()
	if h["status"] != "hidden" || h["moderation"].(map[string]any)["reports"].(float64) != 1 {
		t.Fatalf("hide: %v", h)
	}
	w.do("POST", commentURL(cid, "/hide"), w.guideA1g1.Token, map[string]any{"reason": "再次"}).want(409)
	for _, p := range []person{neighbour, author} {
		if seen := w.commentIn(p, pid, cid); seen["status"] != "hidden" || seen["body"] != "" {
			t.Fatalf("resident sees a hidden comment as %v", seen)
		}
	}
	if seen := w.commentIn(w.leadA1, pid, cid); seen["body"] != "欢迎来我店里，促销打折" ||
		seen["moderation"].(map[string]any)["hidden_reason"] != "商业广告" {
		t.Fatalf("moderator sees %v", seen)
	}
	w.do("POST", commentURL(cid, "/restore"), w.leadA2.Token, map[string]any{"reason": "误删"}).want(404)
	w.do("POST", commentURL(cid, "/restore"), w.reviewerA1.Token, map[string]any{"reason": "经核实不是广告"}).want(200)
	w.do("POST", commentURL(cid, "/restore"), w.reviewerA1.Token, map[string]any{"reason": "再次"}).want(409)
	if seen := w.commentIn(neighbour, pid, cid); seen["status"] != "visible" || seen["body"] == "" {
		t.Fatalf("restored comment: %v", seen)
	}
	log := w.do("GET", unitPath(w.A1, "/audit-log?limit=200"), w.adminA.Token, nil).want(200).obj()
	acts := map[string]int{}
	for _, e := range log["items"].([]any) {
		if m := e.(map[string]any); m["target_type"] == "comment" {
			acts[m["action"].(string)]++
		}
	}
	if acts["comment.report"] != 1 || acts["comment.hide"] != 1 || acts["comment.restore"] != 1 {
		t.Fatalf("audit: %v", acts)
	}
}

// TestCommentAuthorDeletesOwnOnly: the author deletes their comment
// (again harmlessly); another resident and a moderator cannot; the
// thread shows it deleted without its body; staff notes stay hidden from
// residents even by id.
func TestCommentAuthorDeletesOwnOnly(t *testing.T) {
	w := newWorld(t)
	pid := w.submittedProposal()
	author, other := w.member("发言人", w.A1g1), w.member("别人", w.A1g1)
	cid := w.do("POST", proposalURL(pid, "/comments"), author.Token, map[string]any{"body": "我说错了"}).want(201).id()
	w.do("DELETE", commentURL(cid, ""), other.Token, nil).want(403)
	w.do("DELETE", commentURL(cid, ""), w.guideA1g1.Token, nil).want(403)
	w.do("DELETE", commentURL(cid, ""), w.leadB1.Token, nil).want(404)
	w.do("DELETE", commentURL(cid, ""), author.Token, nil).want(204)
	w.do("DELETE", commentURL(cid, ""), author.Token, nil).want(204)
	if seen := w.commentIn(other, pid, cid); seen["status"] != "deleted" || seen["body"] != "" {
		t.Fatalf("deleted comment: %v", seen)
	}
	w.do("POST", commentURL(cid, "/hide"), w.guideA1g1.Token, map[string]any{"reason": "x"}).want(409)
	note := w.do("POST", proposalURL(pid, "/comments"), w.leadA1.Token, map[string]any{"body": "内部备注", "internal": true}).want(201).id()
	w.do("POST", commentURL(note, "/reports"), other.Token, map[string]any{"reason": "?"}).want(404)
	w.do("POST", commentURL(note, "/reports"), w.guideA1g1.Token, map[string]any{"reason": "测试"}).want(201)
	w.do("DELETE", commentURL(999999, ""), author.Token, nil).want(404)
}
