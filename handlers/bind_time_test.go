package handlers_test

import (
	"fmt"
	"testing"
)

// TestTimesPastYear9999Are400: RFC 3339 lets "9999-12-31T23:59:59-23:59"
// through, which is the year 10000 in UTC. Stored, such a time could never
// be written as JSON again: the create answered 201 with an empty body,
// and every later read of the meeting (and of its unit's meeting list)
// answered 500 on SQLite and an empty 200 on PostgreSQL. Found by
// TestEveryOperationRefusesMalformedInput.
func TestTimesPastYear9999Are400(t *testing.T) {
	w := newWorld(t)
	meetings := unitPath(w.A1, "/meetings")
	for field, body := range map[string]string{
		"starts_at": `{"title":"议事会","format":"deliberation","starts_at":"9999-12-31T23:59:59-23:59"}`,
		"ends_at":   `{"title":"议事会","format":"deliberation","starts_at":"2026-03-03T19:00:00+08:00","ends_at":"0000-01-01T00:00:00+23:59"}`,
	} {
		r := w.do("POST", meetings, w.leadA1.Token, body).want(400)
		if !namesField(r.obj(), field) {
			t.Fatalf("%s: %s", field, r.Body.String())
		}
	}
	// A series whose later occurrences pass the year 9999.
	w.do("POST", meetings, w.leadA1.Token, `{"title":"周二恳谈","format":"tuesday_talk",
		"starts_at":"9999-12-20T19:00:00Z","recurrence":"FREQ=WEEKLY;COUNT=3"}`).want(400)
	// Moving a meeting keeps its length, which can carry its end past 9999.
	id := w.do("POST", meetings, w.leadA1.Token, `{"title":"议事会","format":"deliberation",
		"starts_at":"2026-03-03T19:00:00Z","ends_at":"2026-03-03T21:00:00Z"}`).want(201).id()
	r := w.do("PATCH", fmt.Sprintf("/v1/meetings/%d", id), w.leadA1.Token, `{"starts_at":"9999-12-31T23:00:00Z"}`).want(400)
	if !namesField(r.obj(), "ends_at") {
		t.Fatalf("kept length past 9999: %s", r.Body.String())
	}
	w.do("POST", unitPath(w.A1, "/votes"), w.leadA1.Token, `{"title":"样式","method":"single","options":["木质","金属"],
		"eligibility":"members","closes_at":"9999-12-31T23:59:59-23:59"}`).want(400)
	w.do("GET", meetings, w.leadA1.Token, nil).want(200)
}
