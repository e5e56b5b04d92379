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
	"yishi/internal/units"
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
	Proposals ProposalCounts
	// Resolved counts completed and closed proposals: the work is done.
	Resolved int
	// Outcomes counts each closed-loop outcome on its own: completed,
	// closed and referred (handed to the competent department).
	Outcomes            map[string]int
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

// Child is a unit directly below the one reported on.
type Child struct {
	ID         int
	Name, Code string
	Path       string
}

// ChildReport is one child's figures over the range.
type ChildReport struct {
	Child
	Metrics
}

// ComputeByChild reports, over r, the subtree at path as a whole and each
// child's subtree side by side (the 27 communities of a subdistrict), from
// one read of the facts.
func ComputeByChild(ctx context.Context, client *ent.Client, path string, children []Child, r Range, loc *time.Location) (Report, []ChildReport, error) {
	f, err := load(ctx, client, path)
	if err != nil {
		return Report{}, nil, err
	}
	f = f.within(r)
	out := make([]ChildReport, 0, len(children))
	for _, c := range children {
		out = append(out, ChildReport{Child: c, Metrics: f.under(c.Path).measure()})
	}
	return Report{Metrics: f.measure(), Monthly: f.monthly(r, loc)}, out, nil
}

// MaxChildren bounds a by-child breakdown; a subdistrict has a few dozen
// communities and a community a few grids.
const MaxChildren = 500

// ChildrenOf lists the children of the unit with id parentID (at most
// MaxChildren, oldest first) for ComputeByChild. ctx is the caller's:
// privacy applies.
func ChildrenOf(ctx context.Context, client *ent.Client, parentID int) ([]Child, error) {
	rows, err := units.Children(ctx, client, parentID, 0, MaxChildren)
	if err != nil {
		return nil, err
	}
	out := make([]Child, 0, len(rows))
	for _, u := range rows {
		out = append(out, Child{ID: u.ID, Name: u.Name, Code: u.Code, Path: u.Path})
	}
	return out, nil
}
