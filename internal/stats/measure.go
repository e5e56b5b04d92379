package stats

import (
	"math"
	"slices"
)

// levels are the unit levels, for reports that list every level even
// when it has nothing.
func levels() []string { return []string{"subdistrict", "community", "grid"} }

// isResolved: a proposal is resolved when its work is done, whether or
// not it has been closed since.
func isResolved(status string) bool { return status == "completed" || status == "closed" }

// outcomes are the closed-loop outcomes an office counts as dealt with,
// each reported separately: done (completed), done and confirmed (closed),
// and handed to the competent department (referred).
func outcomes() []string { return []string{"completed", "closed", "referred"} }

// measure computes the metrics of facts already cut to one period.
func (f facts) measure() Metrics {
	m := Metrics{Proposals: ProposalCounts{ByStatus: map[string]int{}, ByCategory: map[string]int{},
		ByChannel: map[string]int{}, ByKind: map[string]int{}, ByLevel: map[string]int{}},
		MedianDaysByLevel: map[string]*float64{}, Outcomes: map[string]int{}}
	for _, o := range outcomes() {
		m.Outcomes[o] = 0
	}
	for _, l := range levels() {
		m.Proposals.ByLevel[l] = 0
	}
	people := map[int]bool{}
	var days []float64
	daysByLevel := map[string][]float64{}
	for _, p := range f.proposals {
		c := &m.Proposals
		c.Total++
		c.ByStatus[p.status]++
		c.ByCategory[categoryKey(p.category)]++
		c.ByChannel[p.channel]++
		c.ByKind[p.kind]++
		c.ByLevel[p.level]++
		if p.author != nil {
			people[*p.author] = true
		}
		if _, ok := m.Outcomes[p.status]; ok {
			m.Outcomes[p.status]++
		}
		if !isResolved(p.status) {
			continue
		}
		m.Resolved++
		if p.submitted != nil && p.resolvedTime != nil {
			d := p.resolvedTime.Sub(*p.submitted).Hours() / 24
			days = append(days, d)
			daysByLevel[p.level] = append(daysByLevel[p.level], d)
		}
	}
	for _, a := range f.acts {
		people[a.user] = true
	}
	m.Participants = len(people)
	if m.Proposals.Total > 0 {
		m.ResolutionRate = rounded(float64(m.Resolved) / float64(m.Proposals.Total))
	}
	m.MedianDaysToResolve = median(days)
	for _, l := range levels() {
		m.MedianDaysByLevel[l] = median(daysByLevel[l])
	}
	m.FeedbackCount = len(f.scores)
	if len(f.scores) > 0 {
		sum := 0
		for _, s := range f.scores {
			sum += s.value
		}
		m.SatisfactionAvg = rounded(float64(sum) / float64(len(f.scores)))
	}
	return m
}

// categoryKey names proposals filed without a category.
func categoryKey(code string) string {
	if code == "" {
		return "uncategorized"
	}
	return code
}

// median is the middle value (the mean of the two middle ones for an even
// count), or nil for no values.
func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return rounded(s[mid])
	}
	return rounded((s[mid-1] + s[mid]) / 2)
}

// rounded keeps two decimals: reports show rates and days, not noise.
func rounded(x float64) *float64 {
	r := math.Round(x*100) / 100
	return &r
}
