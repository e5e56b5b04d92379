package handlers_test

import (
	"fmt"
	"testing"
	"time"
)

// nextTuesday is 19:00 Beijing time on the coming Tuesday.
func nextTuesday() time.Time {
	cst := time.FixedZone("CST", 8*3600)
	d := time.Now().In(cst).AddDate(0, 0, 1)
	for d.Weekday() != time.Tuesday {
		d = d.AddDate(0, 0, 1)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 19, 0, 0, 0, cst)
}

// TestMeetingTuesdayTalkSeriesCreatesWeeklyOccurrences: a weekly Tuesday
// talk for eight weeks is eight meetings sharing a series, every one on a
// Tuesday at 19:00 Beijing time, listed in calendar order page by page.
func TestMeetingTuesdayTalkSeriesCreatesWeeklyOccurrences(t *testing.T) {
	w := newWorld(t)
	start := nextTuesday()
	m := w.do("POST", unitPath(w.A1g1, "/meetings"), w.guideA1g1.Token, map[string]any{
		"title": "周二说事", "format": "tuesday_talk", "starts_at": start.Format(time.RFC3339),
		"ends_at": start.Add(90 * time.Minute).Format(time.RFC3339), "recurrence": "FREQ=WEEKLY;COUNT=8",
	}).want(201).obj()
	occ := m["occurrences"].([]any)
	series := m["series_id"].(float64)
	if len(occ) != 8 || series != m["id"].(float64) || m["recurrence"] != "FREQ=WEEKLY;INTERVAL=1;COUNT=8" {
		t.Fatalf("series = %v", m)
	}
	var seen []time.Time
	cursor := ""
	for page := 0; page < 4; page++ {
		path := unitPath(w.A1, fmt.Sprintf("/meetings?series_id=%d&limit=3&cursor=%s", int(series), cursor))
		res := w.do("GET", path, w.leadA1.Token, nil).want(200).obj()
		for _, x := range res["items"].([]any) {
			it := x.(map[string]any)
			at, _ := time.Parse(time.RFC3339, it["starts_at"].(string))
			if it["series_id"].(float64) != series || it["ends_at"] == nil {
				t.Fatalf("occurrence = %v", it)
			}
			seen = append(seen, at)
		}
		if cursor = res["next_cursor"].(string); cursor == "" {
			break
		}
	}
	if len(seen) != 8 {
		t.Fatalf("listed %d occurrences, want 8", len(seen))
	}
	for i, at := range seen {
		local := at.In(start.Location())
		if !at.Equal(start.AddDate(0, 0, 7*i)) || local.Weekday() != time.Tuesday || local.Hour() != 19 {
			t.Fatalf("occurrence %d at %v", i, local)
		}
	}
	from := start.AddDate(0, 0, 14).Format("2006-01-02")
	to := start.AddDate(0, 0, 28).Format("2006-01-02")
	window := w.do("GET", unitPath(w.A1, "/meetings?format=tuesday_talk&from="+from+"&to="+to), w.resA1g1.Token, nil).want(200)
	if n := len(window.obj()["items"].([]any)); n != 2 {
		t.Fatalf("two weeks hold %d talks, want 2", n)
	}
}

// TestMeetingSeriesIsCapped: more than 52 occurrences, or an unbounded
// rule, is a 400 on recurrence and writes nothing.
func TestMeetingSeriesIsCapped(t *testing.T) {
	w := newWorld(t)
	start := nextTuesday().Format(time.RFC3339)
	for _, rule := range []string{"FREQ=WEEKLY;COUNT=53", "FREQ=WEEKLY", "FREQ=DAILY;UNTIL=20991231", "FREQ=WEEKLY;COUNT=4;BYDAY=WE"} {
		res := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, map[string]any{
			"title": "周二说事", "format": "tuesday_talk", "starts_at": start, "recurrence": rule}).want(400)
		if f := problemFields(res); len(f) != 1 || f[0] != "recurrence" {
			t.Fatalf("%s: fields %v", rule, f)
		}
	}
	if n := len(w.do("GET", unitPath(w.A1, "/meetings"), w.leadA1.Token, nil).want(200).obj()["items"].([]any)); n != 0 {
		t.Fatalf("%d meetings written", n)
	}
}
