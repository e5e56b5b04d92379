package handlers_test

import (
	"testing"
	"time"
)

// TestMeetingResidentReadsButCannotRun: a resident of the community reads
// its meetings (from their own grid up to the community) but cannot
// create, change or minute them.
func TestMeetingResidentReadsButCannotRun(t *testing.T) {
	w := newWorld(t)
	id := w.meeting("议事会")
	res := w.resA1g1
	items := w.do("GET", unitPath(w.A1, "/meetings"), res.Token, nil).want(200).obj()["items"].([]any)
	if len(items) != 1 {
		t.Fatalf("resident lists %d meetings", len(items))
	}
	w.do("GET", meetingURL(id, ""), res.Token, nil).want(200)
	w.do("GET", meetingURL(id, "/participants"), res.Token, nil).want(200)
	w.do("GET", unitPath(w.A1, "/venues"), res.Token, nil).want(200)
	w.do("POST", unitPath(w.A1g1, "/meetings"), res.Token, deliberation("我的会")).want(403)
	w.do("POST", unitPath(w.A1g1, "/venues"), res.Token, map[string]any{"name": "我家", "kind": "hall"}).want(403)
	w.do("PATCH", meetingURL(id, ""), res.Token, map[string]any{"title": "改"}).want(403)
	w.do("POST", meetingURL(id, "/cancel"), res.Token, nil).want(403)
	w.do("POST", meetingURL(id, "/participants"), res.Token, map[string]any{"user_id": res.ID, "identity": "resident"}).want(403)
	w.do("PUT", meetingURL(id, "/minutes"), res.Token, map[string]any{"text": "记录"}).want(403)
	w.do("POST", meetingURL(id, "/minutes/approve"), res.Token, nil).want(403)
	w.do("POST", meetingURL(id, "/agenda"), res.Token, map[string]any{"title": "我的事"}).want(403)
}

// TestMeetingOutsiders404: another tenant's staff, the sibling
// community's lead and its residents get 404 for everything of A1's, and
// a grid worker does not see the community's meetings above their grid.
func TestMeetingOutsiders404(t *testing.T) {
	w := newWorld(t)
	id := w.meeting("议事会")
	sibling := w.withRole("胜宏居民", "resident", w.A2g1)
	for name, p := range map[string]person{"other tenant": w.leadB1, "sibling lead": w.leadA2, "sibling resident": sibling} {
		for _, path := range []string{meetingURL(id, ""), meetingURL(id, "/participants"), meetingURL(id, "/minutes"), unitPath(w.A1, "/meetings")} {
			if code := w.do("GET", path, p.Token, nil).Code; code != 404 {
				t.Errorf("%s: GET %s = %d, want 404", name, path, code)
			}
		}
		if code := w.do("POST", unitPath(w.A1, "/meetings"), p.Token, deliberation("会")).Code; code != 404 {
			t.Errorf("%s: create = %d, want 404", name, code)
		}
	}
	if items := w.do("GET", unitPath(w.A2, "/meetings"), sibling.Token, nil).want(200).obj()["items"].([]any); len(items) != 0 {
		t.Fatalf("sibling resident lists %v", items)
	}
	// A grid worker reads the community's meetings, as its residents do.
	w.do("GET", meetingURL(id, ""), w.guideA1g1.Token, nil).want(200)
	w.do("GET", meetingURL(id, ""), w.reviewerA1.Token, nil).want(200)
}

// TestMeetingStatusAndReschedule: a future meeting can be rescheduled or
// cancelled but not marked held; moving it keeps its length; held and
// cancelled are final; a stale If-Match is refused.
func TestMeetingStatusAndReschedule(t *testing.T) {
	w := newWorld(t)
	body := deliberation("议事会")
	body["starts_at"], body["ends_at"] = rfc(nextTuesday()), rfc(nextTuesday().Add(90*time.Minute))
	m := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, body).want(201)
	id, etag := m.id(), m.Header().Get("ETag")
	if w.do("POST", meetingURL(id, "/held"), w.leadA1.Token, nil).want(409).obj()["code"] != "meeting.not_started" {
		t.Fatal("a future meeting was marked held")
	}
	later := nextTuesday().AddDate(0, 0, 7)
	got := w.doWith("PATCH", meetingURL(id, ""), w.leadA1.Token, map[string]any{"starts_at": rfc(later)},
		map[string]string{"If-Match": etag}).want(200).obj()
	if got["version"].(float64) != 2 || got["ends_at"] != rfc(later.Add(90*time.Minute).UTC()) {
		t.Fatalf("rescheduled = %v", got)
	}
	stale := w.doWith("PATCH", meetingURL(id, ""), w.leadA1.Token, map[string]any{"title": "改"},
		map[string]string{"If-Match": etag})
	if stale.Code != 409 && stale.Code != 412 {
		t.Fatalf("stale If-Match = %d", stale.Code)
	}
	w.do("PATCH", meetingURL(id, ""), w.leadA1.Token, map[string]any{"ends_at": rfc(later.Add(-time.Minute))}).want(400)
	w.do("POST", meetingURL(id, "/reopen"), w.leadA1.Token, nil).want(404)
	w.do("POST", meetingURL(id, "/cancel"), w.leadA1.Token, nil).want(200)
	w.do("POST", meetingURL(id, "/cancel"), w.leadA1.Token, nil).want(409)
	w.do("PATCH", meetingURL(id, ""), w.leadA1.Token, map[string]any{"title": "改"}).want(409)
	w.do("POST", meetingURL(id, "/participants"), w.leadA1.Token, map[string]any{"guest_name": "张", "identity": "resident"}).want(409)
	w.do("PUT", meetingURL(id, "/minutes"), w.leadA1.Token, map[string]any{"text": "记录"}).want(409)
}
