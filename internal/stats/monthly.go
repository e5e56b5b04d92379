package stats

import "time"

// MaxMonths bounds a monthly series, so a wide range cannot make one
// request build an unbounded answer; a longer span keeps its latest
// months.
const MaxMonths = 120

// monthly splits facts (already cut to r) by calendar month in loc and
// measures each month. The series runs from r's first month to its last;
// an open bound is taken from the data, so "all time" starts with the
// first month anything happened. Months without activity are present with
// zeros, so a chart's axis has no gaps.
func (f facts) monthly(r Range, loc *time.Location) []Month {
	first, last, ok := f.span(r, loc)
	if !ok {
		return []Month{}
	}
	byMonth := map[string]*facts{}
	bucket := func(t time.Time) *facts {
		k := t.In(loc).Format("2006-01")
		if byMonth[k] == nil {
			byMonth[k] = &facts{}
		}
		return byMonth[k]
	}
	for _, p := range f.proposals {
		b := bucket(p.created)
		b.proposals = append(b.proposals, p)
	}
	for _, a := range f.acts {
		b := bucket(a.at)
		b.acts = append(b.acts, a)
	}
	for _, s := range f.scores {
		b := bucket(s.at)
		b.scores = append(b.scores, s)
	}
	var out []Month
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		k := m.Format("2006-01")
		var b facts
		if byMonth[k] != nil {
			b = *byMonth[k]
		}
		out = append(out, Month{Month: k, Metrics: b.measure()})
	}
	return out
}

// span returns the first days of the first and last months of the series.
func (f facts) span(r Range, loc *time.Location) (first, last time.Time, ok bool) {
	var lo, hi time.Time
	see := func(t time.Time) {
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	for _, p := range f.proposals {
		see(p.created)
	}
	for _, a := range f.acts {
		see(a.at)
	}
	for _, s := range f.scores {
		see(s.at)
	}
	if r.From != nil {
		lo = *r.From
	}
	if r.To != nil {
		hi = r.To.Add(-time.Nanosecond)
	}
	if lo.IsZero() || hi.IsZero() || hi.Before(lo) {
		return time.Time{}, time.Time{}, false
	}
	first, last = monthStart(lo, loc), monthStart(hi, loc)
	if earliest := last.AddDate(0, 1-MaxMonths, 0); first.Before(earliest) {
		first = earliest
	}
	return first, last, true
}

func monthStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
}
