package meetings

import (
	"errors"
	"fmt"
	"time"
)

// weekdayCodes are RFC 5545's two-letter weekdays, indexed by time.Weekday.
const weekdayCodes = "SUMOTUWETHFRSA"

// Expand lists the start times of the series that begins at start, in
// start's time zone (so a Tuesday 19:00 talk stays on Tuesday at 19:00 in
// Beijing time). A monthly rule skips months without start's day, as RFC
// 5545 does. More than MaxOccurrences is an error, never a silent cut.
func (r Rule) Expand(start time.Time) ([]time.Time, error) {
	day := weekdayCodes[2*start.Weekday() : 2*start.Weekday()+2]
	if r.ByDay != "" && r.ByDay != day {
		return nil, fmt.Errorf("BYDAY must be starts_at's weekday (%s) or left out", day)
	}
	if r.Freq != "WEEKLY" && r.ByDay != "" {
		return nil, errors.New("BYDAY is only supported with FREQ=WEEKLY")
	}
	if !r.Until.IsZero() && r.Until.Before(start) {
		return nil, errors.New("UNTIL is before starts_at")
	}
	var out []time.Time
	// Monthly steps can land on missing days (the 31st, or 29 February
	// with a yearly interval: one hit in four), so try generously; the
	// loop is bounded either way.
	for k := 0; k < 8*(MaxOccurrences+1); k++ {
		t, ok := r.nth(start, k)
		if !ok {
			continue
		}
		if (r.Count > 0 && len(out) == r.Count) || (!r.Until.IsZero() && t.After(r.Until)) {
			return out, nil
		}
		if len(out) == MaxOccurrences {
			return nil, fmt.Errorf("makes more than %d occurrences", MaxOccurrences)
		}
		if !Representable(t) {
			return nil, errors.New("runs past the year 9999")
		}
		out = append(out, t)
	}
	return out, nil
}

// Representable reports whether t lies in the years 1 to 9999 in UTC,
// the range RFC 3339 and encoding/json can write. A meeting stored outside
// it could never be read back through the API.
func Representable(t time.Time) bool {
	y := t.UTC().Year()
	return y >= 1 && y <= 9999
}

// nth is the k-th step from start; ok is false when a monthly step lands
// on a day the month lacks.
func (r Rule) nth(start time.Time, k int) (time.Time, bool) {
	step := k * r.Interval
	switch r.Freq {
	case "DAILY":
		return start.AddDate(0, 0, step), true
	case "WEEKLY":
		return start.AddDate(0, 0, 7*step), true
	}
	t := start.AddDate(0, step, 0)
	return t, t.Day() == start.Day()
}
