package handlers_test

import (
	"testing"
)

// TestFeedbackOncePerPersonWhileCompleted: the author, the co-signers
// and the members of the proposal's unit rate it once each, only while it
// is completed; others are refused.
func TestFeedbackOncePerPersonWhileCompleted(t *testing.T) {
	w := newWorld(t)
	author, neighbour := w.member("发起人", w.A1g1), w.member("邻居", w.A1g1)
	nextGrid := w.member("隔壁网格", w.A1g2)
	id := w.filedBy(author)
	good := map[string]any{"satisfaction": 5, "comment": "椅子很好用"}
	w.do("POST", proposalURL(id, "/feedback"), author.Token, good).want(409) // not completed yet
	w.completeProposal(id)
	w.do("POST", proposalURL(id, "/feedback"), author.Token, map[string]any{"satisfaction": 0}).want(400)
	w.do("POST", proposalURL(id, "/feedback"), author.Token, map[string]any{"satisfaction": 6}).want(400)
	fb := w.do("POST", proposalURL(id, "/feedback"), author.Token, good).want(201).obj()
	if fb["follow_up_id"] != nil || fb["satisfaction"] != 5.0 {
		t.Fatalf("feedback = %v", fb)
	}
	again := w.do("POST", proposalURL(id, "/feedback"), author.Token, good).want(409).obj()
	if again["code"] != "feedback.exists" {
		t.Fatalf("second feedback = %v", again)
	}
	w.do("POST", proposalURL(id, "/feedback"), neighbour.Token, map[string]any{"satisfaction": 4}).want(201)
	w.do("POST", proposalURL(id, "/feedback"), nextGrid.Token, good).want(403) // not of the proposal's unit
	w.do("POST", proposalURL(id, "/feedback"), w.leadA1.Token, good).want(403) // staff do not rate their own work
	w.do("POST", proposalURL(id, "/feedback"), w.leadA2.Token, good).want(404) // sibling community
	list := w.do("GET", proposalURL(id, "/feedback"), nextGrid.Token, nil).want(200).obj()
	if list["count"] != 2.0 || list["average"] != 4.5 || len(list["items"].([]any)) != 2 {
		t.Fatalf("feedback list = %v", list)
	}
	w.act(w.leadA1, id, "close", nil).want(200)
	late := w.member("晚来的", w.A1g1)
	w.do("POST", proposalURL(id, "/feedback"), late.Token, good).want(409)
}

// TestFeedbackLowScoreOpensFollowUp: a score of 2 (or a new need) opens
// a follow-up draft by the giver, linked both ways, and tells the author.
func TestFeedbackLowScoreOpensFollowUp(t *testing.T) {
	w := newWorld(t)
	author, neighbour := w.member("发起人", w.A1g1), w.member("邻居", w.A1g1)
	id := w.completedBy(author)
	fb := w.do("POST", proposalURL(id, "/feedback"), neighbour.Token,
		map[string]any{"satisfaction": 2, "comment": "三楼转角还没有椅子"}).want(201).obj()
	fu, ok := fb["follow_up_id"].(float64)
	if !ok {
		t.Fatalf("no follow-up: %v", fb)
	}
	draft := w.do("GET", proposalURL(int(fu), ""), neighbour.Token, nil).want(200).obj()
	if draft["status"] != "draft" || draft["follow_up_of_id"] != float64(id) || draft["title"] != "跟进：转角遇到爱心椅" ||
		draft["body"] != "三楼转角还没有椅子" || draft["author"].(map[string]any)["user_id"] != float64(neighbour.ID) ||
		draft["origin_unit_id"] != float64(w.A1g1) || draft["kind"] != "individual" || draft["channel"] != "online" {
		t.Fatalf("follow-up = %v", draft)
	}
	orig := w.do("GET", proposalURL(id, ""), w.leadA1.Token, nil).want(200).obj()
	links, _ := orig["follow_ups"].([]any)
	if len(links) != 1 || links[0].(map[string]any)["id"] != fu {
		t.Fatalf("original's follow_ups = %v", orig["follow_ups"])
	}
	if acts, _ := w.eventActions(id, w.leadA1); acts[len(acts)-1] != "follow_up" {
		t.Fatalf("original's timeline = %v", acts)
	}
	var told bool
	for _, n := range w.inbox(author, "") {
		told = told || newsOf(n) == "follow_up"
	}
	if !told {
		t.Fatal("the author was not told of the follow-up")
	}
	need := w.do("POST", proposalURL(id, "/feedback"), author.Token,
		map[string]any{"satisfaction": 4, "new_need": true}).want(201).obj()
	if need["follow_up_id"] == nil {
		t.Fatalf("a new need opens a follow-up: %v", need)
	}
	w.act(neighbour, int(fu), "submit", nil).want(200)
}
