package meetings

import (
	"testing"
	"time"
)

// FuzzParseRule feeds the recurrence parser arbitrary RRULEs and starts:
// it must never panic; a rule it accepts must survive its canonical form
// (String is what every occurrence stores, and is parsed again on edits);
// and its expansion must be at most MaxOccurrences strictly increasing
// times from start on, never past UNTIL.
func FuzzParseRule(f *testing.F) {
	f.Add("RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=TU", int64(1772535600), int32(8*3600))
	f.Fuzz(func(t *testing.T, s string, unix int64, offset int32) {
		r, err := ParseRule(s)
		if err != nil {
			return
		}
		again, err := ParseRule(r.String())
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", r.String(), s, err)
		}
		if again.Freq != r.Freq || again.Interval != r.Interval || again.Count != r.Count || !again.Until.Equal(r.Until) {
			t.Fatalf("%q: canonical form %q reads back as %+v, want %+v", s, r.String(), again, r)
		}
		// Keep starts in years a meeting can have (0001 to 9999).
		const span = int64(9998 * 365 * 24 * 3600)
		unix = unix % span
		if unix < 0 {
			unix += span
		}
		start := time.Unix(unix-62135596800, 0).In(time.FixedZone("fuzz", int(offset%(14*3600))))
		got, err := r.Expand(start)
		if err != nil {
			return
		}
		if len(got) > MaxOccurrences || (r.Count > 0 && len(got) > r.Count) {
			t.Fatalf("%q from %v: %d occurrences", s, start, len(got))
		}
		for i, at := range got {
			if i == 0 && !at.Equal(start) {
				t.Fatalf("%q: first occurrence %v, want start %v", s, at, start)
			}
			if i > 0 && !at.After(got[i-1]) {
				t.Fatalf("%q: occurrence %d (%v) is not after %v", s, i, at, got[i-1])
			}
			if !r.Until.IsZero() && at.After(r.Until) {
				t.Fatalf("%q: occurrence %v past UNTIL %v", s, at, r.Until)
			}
		}
	})
}
