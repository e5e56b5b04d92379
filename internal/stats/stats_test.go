package stats_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"yishi/internal/stats"
	"yishi/internal/stats/statstest"
	"yishi/internal/viewer"
)

func cst() *time.Location { return time.FixedZone("CST", 8*60*60) }

// months lists the calendar months (China time) from lo's to hi's.
func months(lo, hi time.Time) []string {
	var out []string
	lo, hi = lo.In(cst()), hi.In(cst())
	m := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, cst())
	for ; !m.After(hi); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

// TestComputeMatchesBruteForce checks every figure, overall and per
// month, for each unit and several ranges of random worlds, against a
// recount over all rows.
func TestComputeMatchesBruteForce(t *testing.T) {
	nov := time.Date(2026, 11, 1, 0, 0, 0, 0, cst())
	for _, seed := range []uint64{1, 2, 3} {
		w := randomWorld(t, seed)
		all, err := statstest.ReadAll(w.st.Client)
		if err != nil {
			t.Fatal(err)
		}
		if m, _, _ := all.Recount(w.units["s"].Path, time.Time{}, time.Time{}); m.Proposals.Total < 20 ||
			m.Participants < 10 || m.Resolved == 0 || m.FeedbackCount == 0 {
			t.Fatalf("seed %d makes too thin a world: %+v", seed, m)
		}
		ranges := []stats.Range{{}, {From: &nov}, {To: &nov}, {From: ptr(nov.AddDate(0, -1, 3)), To: ptr(nov.AddDate(0, 0, 10))}}
		for name, u := range w.units {
			for _, r := range ranges {
				got, err := stats.Compute(viewer.SystemContext(context.Background()), w.st.Client, u.Path, r, cst())
				if err != nil {
					t.Fatal(err)
				}
				want, lo, hi := all.Recount(u.Path, deref(r.From), deref(r.To))
				if !reflect.DeepEqual(got.Metrics, want) {
					t.Fatalf("seed %d %s %v: got %+v\nwant %+v", seed, name, r, got.Metrics, want)
				}
				if r.From != nil {
					lo = *r.From
				}
				if r.To != nil {
					hi = r.To.Add(-time.Nanosecond)
				}
				wantMonths := []string{}
				if !lo.IsZero() && !hi.IsZero() {
					wantMonths = months(lo, hi)
				}
				checkMonths(t, all, u.Path, r, got.Monthly, wantMonths)
			}
		}
	}
}

func checkMonths(t *testing.T, all statstest.Rows, path string, r stats.Range, got []stats.Month, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s %v: %d months, want %v", path, r, len(got), want)
	}
	for i, m := range got {
		if m.Month != want[i] {
			t.Fatalf("%s: month %d is %s, want %s", path, i, m.Month, want[i])
		}
		start, _ := time.ParseInLocation("2006-01", m.Month, cst())
		from, to := start, start.AddDate(0, 1, 0)
		if r.From != nil && r.From.After(from) {
			from = *r.From
		}
		if r.To != nil && r.To.Before(to) {
			to = *r.To
		}
		if exp, _, _ := all.Recount(path, from, to); !reflect.DeepEqual(m.Metrics, exp) {
			t.Fatalf("%s %s: got %+v\nwant %+v", path, m.Month, m.Metrics, exp)
		}
	}
}

func ptr(t time.Time) *time.Time { return &t }

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
