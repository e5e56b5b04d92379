package meetings

import (
	"strings"
	"testing"
	"time"
)

func beijing() *time.Location { return time.FixedZone("CST", 8*3600) }

func TestWeeklyTuesdayTalkKeepsWeekdayAndLocalTime(t *testing.T) {
	r, err := ParseRule("RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=TU")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 3, 19, 0, 0, 0, beijing()) // a Tuesday
	got, err := r.Expand(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 8 {
		t.Fatalf("got %d occurrences, want 8", len(got))
	}
	for i, at := range got {
		if at.Weekday() != time.Tuesday || at.Hour() != 19 || !at.Equal(start.AddDate(0, 0, 7*i)) {
			t.Fatalf("occurrence %d = %v", i, at)
		}
	}
	if r.String() != "FREQ=WEEKLY;INTERVAL=1;COUNT=8" {
		t.Fatalf("canonical form %q", r.String())
	}
}

func TestUntilIsInclusiveAndIntervalSkips(t *testing.T) {
	r, err := ParseRule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20260331")
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Expand(time.Date(2026, 3, 3, 19, 0, 0, 0, beijing()))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].Day() != 31 {
		t.Fatalf("got %v, want 3, 17 and 31 March", got)
	}
}

func TestMonthlySkipsMonthsWithoutTheDay(t *testing.T) {
	r, _ := ParseRule("FREQ=MONTHLY;COUNT=3")
	got, err := r.Expand(time.Date(2026, 1, 31, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].Month() != time.March || got[2].Month() != time.May {
		t.Fatalf("got %v, want January, March and May 31st", got)
	}
}

func TestRuleErrorsNameTheProblem(t *testing.T) {
	start := time.Date(2026, 3, 3, 19, 0, 0, 0, beijing())
	cases := map[string]string{
		"":                                   "RRULE",
		"FREQ=HOURLY;COUNT=2":                "FREQ must be",
		"FREQ=WEEKLY":                        "COUNT or UNTIL",
		"FREQ=WEEKLY;COUNT=53":               "1 to 52",
		"FREQ=WEEKLY;COUNT=2;UNTIL=20261231": "both",
		"FREQ=WEEKLY;COUNT=2;COUNT=3":        "repeated",
		"FREQ=WEEKLY;COUNT=2;BYDAY=WE":       "weekday (TU)",
		"FREQ=WEEKLY;COUNT=2;WKST=MO":        "not supported",
		"FREQ=DAILY;UNTIL=20270101":          "more than 52",
		"FREQ=DAILY;UNTIL=20250101":          "before starts_at",
		"FREQ=DAILY;UNTIL=tomorrow":          "UNTIL must",
	}
	for in, want := range cases {
		r, err := ParseRule(in)
		if err == nil {
			_, err = r.Expand(start)
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to mention %q", in, err, want)
		}
	}
}

// TestSeriesPastYear9999IsRefused: occurrences must stay where RFC 3339
// can write them, or the series could never be read back.
func TestSeriesPastYear9999IsRefused(t *testing.T) {
	r, err := ParseRule("FREQ=WEEKLY;COUNT=3")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Expand(time.Date(9999, 12, 20, 19, 0, 0, 0, time.UTC)); err == nil {
		t.Fatal("a series into the year 10000 was expanded")
	}
	if _, err := r.Expand(time.Date(9999, 12, 1, 19, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("a series ending in 9999: %v", err)
	}
}
