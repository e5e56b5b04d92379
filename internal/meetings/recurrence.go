// Package meetings holds the deliberation meetings' data work: creating a
// meeting or a recurring series with its agenda, putting proposals on an
// agenda (which schedules them), meeting status changes, attendance
// counts and versioned minutes whose approval writes to the proposals'
// timelines. Authorization happens before these functions are called;
// ent privacy still applies to every query.
package meetings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MaxOccurrences caps a series: a year of weekly Tuesday talks. Longer
// series are created again next year, so a typo cannot create thousands
// of rows.
const MaxOccurrences = 52

// Rule is the supported subset of an RFC 5545 RRULE: FREQ (DAILY, WEEKLY
// or MONTHLY), INTERVAL, and exactly one of COUNT or UNTIL. The weekday and
// time of day come from the first occurrence's starts_at; BYDAY is accepted
// only when it names that same weekday, since calendar widgets emit it.
type Rule struct {
	Freq     string
	Interval int
	Count    int
	Until    time.Time
	ByDay    string
}

// ParseRule reads an RRULE such as "FREQ=WEEKLY;COUNT=8", with or without
// the "RRULE:" prefix. Errors are phrased for the recurrence field.
func ParseRule(s string) (Rule, error) {
	r := Rule{Interval: 1}
	s = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "RRULE:")
	if s == "" {
		return r, errors.New("must be an RRULE such as FREQ=WEEKLY;COUNT=8")
	}
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ";") {
		key, val, ok := strings.Cut(part, "=")
		if !ok || seen[key] {
			return r, fmt.Errorf("has a malformed or repeated part %q", part)
		}
		seen[key] = true
		if err := r.set(key, val); err != nil {
			return r, err
		}
	}
	switch {
	case r.Freq == "":
		return r, errors.New("needs FREQ (DAILY, WEEKLY or MONTHLY)")
	case r.Count == 0 && r.Until.IsZero():
		return r, fmt.Errorf("needs COUNT or UNTIL (at most %d occurrences)", MaxOccurrences)
	case r.Count > 0 && !r.Until.IsZero():
		return r, errors.New("must not set both COUNT and UNTIL")
	}
	return r, nil
}

// set applies one KEY=value part.
func (r *Rule) set(key, val string) error {
	switch key {
	case "FREQ":
		if val != "DAILY" && val != "WEEKLY" && val != "MONTHLY" {
			return errors.New("FREQ must be DAILY, WEEKLY or MONTHLY")
		}
		r.Freq = val
	case "INTERVAL", "COUNT":
		n, err := strconv.Atoi(val)
		if err != nil || n < 1 || n > MaxOccurrences {
			return fmt.Errorf("%s must be a whole number from 1 to %d", key, MaxOccurrences)
		}
		if key == "COUNT" {
			r.Count = n
		} else {
			r.Interval = n
		}
	case "UNTIL":
		t, err := parseUntil(val)
		if err != nil {
			return err
		}
		r.Until = t
	case "BYDAY":
		r.ByDay = val
	default:
		return fmt.Errorf("%s is not supported (use FREQ, INTERVAL, COUNT, UNTIL)", key)
	}
	return nil
}

// parseUntil accepts the RFC 5545 forms 20261231T235959Z and 20261231
// (the end of that day, UTC).
func parseUntil(v string) (time.Time, error) {
	if t, err := time.Parse("20060102T150405Z", v); err == nil {
		return t, nil
	}
	if t, err := time.Parse("20060102", v); err == nil {
		return t.Add(24*time.Hour - time.Second), nil
	}
	return time.Time{}, errors.New("UNTIL must look like 20261231T235959Z or 20261231")
}

// String is the rule in canonical form, as stored on every occurrence.
func (r Rule) String() string {
	s := "FREQ=" + r.Freq + ";INTERVAL=" + strconv.Itoa(r.Interval)
	if r.Count > 0 {
		return s + ";COUNT=" + strconv.Itoa(r.Count)
	}
	return s + ";UNTIL=" + r.Until.UTC().Format("20060102T150405Z")
}
