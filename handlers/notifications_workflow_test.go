package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"yishi/internal/notify"
)

// kindNotes lists p's notifications of kind.
func (w *world) kindNotes(p person, kind string) []map[string]any {
	w.t.Helper()
	var out []map[string]any
	for _, n := range w.inbox(p, "") {
		if n["kind"] == kind {
			out = append(out, n)
		}
	}
	return out
}

// noEnglish fails when a notification's Chinese text carries Latin words.
func noEnglish(t *testing.T, n map[string]any) {
	t.Helper()
	for _, f := range []string{"title", "body"} {
		if s, _ := n[f].(string); strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%s of %v has English: %q", f, n["kind"], s)
		}
	}
}

// TestNotificationsQueueReachesStaffInScope: a submitted proposal enters
// the queue of the guide, reviewer and lead above its grid, once each,
// and of nobody in the sibling community; escalating it queues it for
// the subdistrict's staff.
func TestNotificationsQueueReachesStaffInScope(t *testing.T) {
	w := newWorld(t)
	id := w.submittedProposal()
	for name, p := range map[string]person{"lead": w.leadA1, "reviewer": w.reviewerA1, "guide": w.guideA1g1} {
		got := w.kindNotes(p, "proposal_queued")
		if len(got) != 1 || int(got[0]["data"].(map[string]any)["proposal_id"].(float64)) != id {
			t.Fatalf("%s: queued notifications %v", name, got)
		}
		noEnglish(t, got[0])
	}
	for name, p := range map[string]person{"sibling lead": w.leadA2, "author": w.resA1g1, "other tenant": w.leadB1, "admin": w.adminA} {
		if got := w.kindNotes(p, "proposal_queued"); len(got) != 0 {
			t.Fatalf("%s was queued: %v", name, got)
		}
	}
	subLead := w.withRole("街道书记", "lead", w.A)
	w.act(w.leadA1, id, "accept", nil).want(200)
	w.act(w.leadA1, id, "escalate", map[string]any{"note": "需要街道协调"}).want(200)
	if got := w.kindNotes(subLead, "proposal_queued"); len(got) != 1 || got[0]["data"].(map[string]any)["action"] != "escalate" {
		t.Fatalf("subdistrict lead after escalation: %v", got)
	}
	if got := w.kindNotes(w.leadA1, "proposal_queued"); len(got) != 1 {
		t.Fatalf("the escalating lead is not queued again: %v", got)
	}
}

// TestNotificationsVoteReachesTheRollOnly: a voter on the roll hears when
// the vote opens and when its result is out; a resident of the sibling
// community and the staff who are not on the roll hear nothing; a voter
// who muted vote_opened hears only the result.
func TestNotificationsVoteReachesTheRollOnly(t *testing.T) {
	w := newWorld(t)
	voter, muted := w.member("投票人", w.A1g1), w.member("静音的人", w.A1g2)
	w.do("PUT", "/v1/me/notification-preferences", muted.Token, map[string]any{"muted": []string{"vote_opened"}}).want(200)
	outsider := w.withRole("隔壁居民", "resident", w.A2g1)
	id, opts := w.createVote(w.A1, voteBody("爱心椅的样式", []string{"木质", "金属"}, nil))
	w.openVote(id)
	got := w.kindNotes(voter, "vote_opened")
	if len(got) != 1 || int(got[0]["data"].(map[string]any)["vote_id"].(float64)) != id {
		t.Fatalf("voter: %v", got)
	}
	noEnglish(t, got[0])
	w.cast(voter, id, opts[0]).want(201)
	w.closeVote(id)
	if got := w.kindNotes(voter, "vote_result"); len(got) != 1 {
		t.Fatalf("voter result: %v", got)
	}
	if o, r := w.kindNotes(muted, "vote_opened"), w.kindNotes(muted, "vote_result"); len(o) != 0 || len(r) != 1 {
		t.Fatalf("muted voter: opened %v, result %v", o, r)
	}
	for name, p := range map[string]person{"outsider": outsider, "lead": w.leadA1, "guide": w.guideA1g1} {
		if k := w.kindsOf(p); k["vote_opened"]+k["vote_result"] != 0 {
			t.Fatalf("%s is not on the roll but got %v", name, k)
		}
	}
}

// TestNotificationsMeetingTaskAndMinutes: a participant hears that a
// meeting is scheduled, moved and cancelled; the lead hears that minutes
// await approval; an assignee hears of a task, and the overdue job tells
// the assignee and the lead once.
func TestNotificationsMeetingTaskAndMinutes(t *testing.T) {
	w := newWorld(t)
	rep := w.member("居民代表", w.A1g1)
	start := time.Now().Add(48 * time.Hour).Truncate(time.Second)
	mid := w.do("POST", unitPath(w.A1g1, "/meetings"), w.guideA1g1.Token, map[string]any{"title": "楼道议事",
		"format": "face_to_face", "starts_at": rfc(start)}).want(201).id()
	w.do("POST", meetingURL(mid, "/participants"), w.guideA1g1.Token,
		map[string]any{"user_id": rep.ID, "identity": "resident_rep"}).want(201)
	w.do("PATCH", meetingURL(mid, ""), w.guideA1g1.Token, map[string]any{"starts_at": rfc(start.Add(time.Hour))}).want(200)
	w.do("PATCH", meetingURL(mid, ""), w.guideA1g1.Token, map[string]any{"title": "楼道议事会"}).want(200)
	w.do("POST", meetingURL(mid, "/cancel"), w.guideA1g1.Token, nil).want(200)
	k := w.kindsOf(rep)
	if k["meeting_scheduled"] != 1 || k["meeting_moved"] != 1 || k["meeting_cancelled"] != 1 {
		t.Fatalf("participant: %v", k)
	}
	for _, n := range w.inbox(rep, "") {
		noEnglish(t, n)
	}
	if k := w.kindsOf(w.resA1g1); k["meeting_moved"] != 0 {
		t.Fatalf("a non-participant heard of the meeting: %v", k)
	}

	held := w.heldMeetingWithDraft()
	pending := w.kindNotes(w.leadA1, "minutes_pending")
	if len(pending) != 0 { // the lead wrote the draft: not told of their own act
		t.Fatalf("the lead wrote the minutes and was told: %v", pending)
	}
	deputy := w.withRole("副书记", "lead", w.A1)
	w.do("PUT", meetingURL(held, "/minutes"), deputy.Token, map[string]any{"text": "副书记补充的纪要"}).want(200)
	if got := w.kindNotes(w.leadA1, "minutes_pending"); len(got) != 1 || int(got[0]["data"].(map[string]any)["meeting_id"].(float64)) != held {
		t.Fatalf("lead minutes_pending: %v", got)
	}
	if got := w.kindNotes(deputy, "minutes_pending"); len(got) != 0 {
		t.Fatalf("the writer is not told of their own draft: %v", got)
	}
	if got := w.kindNotes(w.guideA1g1, "minutes_pending"); len(got) != 0 {
		t.Fatalf("a guide does not approve minutes: %v", got)
	}

	pid := w.approvedLoveSeat()
	doer := w.implementer("安装师傅", w.A1)
	tid := w.createTask(pid, taskBody("安装爱心椅", -time.Hour, map[string]any{"assignee_id": doer.ID}))
	if got := w.kindNotes(doer, "task_assigned"); len(got) != 1 || int(got[0]["data"].(map[string]any)["task_id"].(float64)) != tid {
		t.Fatalf("assignee: %v", got)
	}
	// A cancelled task is never overdue (tasks.OverdueAt): nobody hears of it.
	cancelled := w.createTask(pid, taskBody("更换灯泡", -time.Hour, map[string]any{"assignee_id": doer.ID}))
	w.do("PATCH", fmt.Sprintf("/v1/tasks/%d", cancelled), w.leadA1.Token, map[string]any{"status": "cancelled"}).want(200)
	for range 2 { // the job may run twice: nobody hears twice
		if _, err := notify.TasksOverdue(context.Background(), w.st.Client, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if a, l := w.kindNotes(doer, "task_overdue"), w.kindNotes(w.leadA1, "task_overdue"); len(a) != 1 || len(l) != 1 {
		t.Fatalf("overdue: assignee %v, lead %v", a, l)
	}
	if k := w.kindsOf(w.guideA1g1); k["task_overdue"]+k["task_assigned"] != 0 {
		t.Fatalf("the guide carries no task: %v", k)
	}
}

// TestNotificationPreferences: every kind is listed with a Chinese label;
// PUT replaces the settings; unknown kinds and partner tokens are refused.
func TestNotificationPreferences(t *testing.T) {
	w := newWorld(t)
	got := w.do("GET", "/v1/me/notification-preferences", w.resA1g1.Token, nil).want(200).obj()
	kinds := got["kinds"].([]any)
	if len(kinds) != len(notify.Kinds()) || got["daily_digest"] != false {
		t.Fatalf("preferences: %v", got)
	}
	for _, k := range kinds {
		m := k.(map[string]any)
		if m["enabled"] != true || strings.ContainsAny(m["label"].(string), "abcdefghijklmnopqrstuvwxyz") {
			t.Fatalf("kind %v", m)
		}
	}
	put := w.do("PUT", "/v1/me/notification-preferences", w.resA1g1.Token,
		map[string]any{"daily_digest": true, "muted": []string{"meeting_moved", "meeting_moved"}}).want(200).obj()
	off := 0
	for _, k := range put["kinds"].([]any) {
		if m := k.(map[string]any); m["enabled"] == false {
			off++
			if m["kind"] != "meeting_moved" {
				t.Fatalf("muted %v", m)
			}
		}
	}
	if off != 1 || put["daily_digest"] != true {
		t.Fatalf("after PUT: %v", put)
	}
	r := w.do("PUT", "/v1/me/notification-preferences", w.resA1g1.Token, map[string]any{"muted": []string{"vote_opened", "sms"}}).want(400)
	if !namesField(r.obj(), "muted[1]") {
		t.Fatalf("bad kind: %s", r.Body.String())
	}
	w.do("PUT", "/v1/me/notification-preferences", w.resA1g1.Token, `{"muted": "all"}`).want(400)
	// Digest users still get their inbox entries, marked for the digest.
	id := w.filedBy(w.resA1g1)
	w.act(w.leadA1, id, "accept", nil).want(200)
	if n := w.inbox(w.resA1g1, ""); len(n) != 1 || n[0]["digest"] != true {
		t.Fatalf("digest user's inbox: %v", n)
	}
}
