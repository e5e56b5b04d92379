// Package stats answers "how is deliberation going here?" for a unit's
// subtree: how many proposals came in and by which route, how many were
// resolved and how fast, how many people took part and how satisfied they
// were, overall and month by month. Rows are read with a few narrow
// queries and aggregated in Go, which gives the same answer on SQLite and
// PostgreSQL (their date functions differ) and keeps the definitions in
// one readable place; docs/DECISIONS.md states them.
package stats

import (
	"context"
	"time"

	"yishi/ent"
)

// Range is the half-open period [From, To) the statistics cover; a nil
// bound is open. Proposals fall in it by created_at, the other acts by
// when they happened.
type Range struct {
	From, To *time.Time
}

// Contains reports whether t lies in r.
func (r Range) Contains(t time.Time) bool {
	return (r.From == nil || !t.Before(*r.From)) && (r.To == nil || t.Before(*r.To))
}

// Report is the statistics of one subtree over one range.
type Report struct {
	Metrics
	// Monthly repeats the metrics per calendar month, oldest first.
	Monthly []Month
}

// Month is one calendar month of a Report ("2026-11").
type Month struct {
	Month string
	Metrics
}

// Metrics are the figures a secretary answers for. Rates, medians and
// averages are nil when there is nothing to compute them from, rather
// than a misleading zero.
type Metrics struct {
	Proposals           ProposalCounts
	Resolved            int
	ResolutionRate      *float64
	MedianDaysToResolve *float64
	// MedianDaysByLevel has the keys subdistrict, community and grid.
	MedianDaysByLevel map[string]*float64
	Participants      int
	SatisfactionAvg   *float64
	FeedbackCount     int
}

// ProposalCounts breaks the proposals down every way the office reports
// them. Level is the level of the unit where a proposal was filed.
type ProposalCounts struct {
	Total      int
	ByStatus   map[string]int
	ByCategory map[string]int
	ByChannel  map[string]int
	ByKind     map[string]int
	ByLevel    map[string]int
}

// Compute reports on the subtree at path over r, with months in loc (the
// tenant's civil time: a proposal filed at 07:00 on 1 December in Beijing
// belongs to December). ctx is the caller's: privacy still applies.
func Compute(ctx context.Context, client *ent.Client, path string, r Range, loc *time.Location) (Report, error) {
	f, err := load(ctx, client, path)
	if err != nil {
		return Report{}, err
	}
	f = f.within(r)
	return Report{Metrics: f.measure(), Monthly: f.monthly(r, loc)}, nil
}
