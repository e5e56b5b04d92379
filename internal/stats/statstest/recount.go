// Package statstest recounts statistics the slow way, row by row with one
// definition at a time, so the tests of internal/stats and of the HTTP API
// can check every figure against an independent answer. Only tests
// import it.
package statstest

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"yishi/ent"
	"yishi/internal/stats"
	"yishi/internal/viewer"
)

// Rows is every row statistics read, fetched as system.
type Rows struct {
	proposals []*ent.Proposal
	cosigns   []*ent.Cosignature
	feedback  []*ent.Feedback
	meetings  map[int]*ent.Meeting
	attendees []*ent.Participant
	votes     []*ent.VoteParticipation
}

// ReadAll reads every row statistics look at, as system.
func ReadAll(c *ent.Client) (Rows, error) {
	ctx := viewer.SystemContext(context.Background())
	var r Rows
	var ms []*ent.Meeting
	var errs [6]error
	r.proposals, errs[0] = c.Proposal.Query().All(ctx)
	r.cosigns, errs[1] = c.Cosignature.Query().All(ctx)
	r.feedback, errs[2] = c.Feedback.Query().All(ctx)
	ms, errs[3] = c.Meeting.Query().All(ctx)
	r.attendees, errs[4] = c.Participant.Query().All(ctx)
	r.votes, errs[5] = c.VoteParticipation.Query().All(ctx)
	for _, err := range errs {
		if err != nil {
			return Rows{}, fmt.Errorf("statstest: read: %w", err)
		}
	}
	r.meetings = map[int]*ent.Meeting{}
	for _, m := range ms {
		r.meetings[m.ID] = m
	}
	return r, nil
}

// Recount computes the metrics of the subtree at path over [from, to)
// (zero bounds are open) row by row, and returns the first and last
// instants it counted, which bound the monthly series.
func (r Rows) Recount(path string, from, to time.Time) (stats.Metrics, time.Time, time.Time) {
	var lo, hi time.Time
	in := func(t time.Time) bool {
		ok := (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
		if ok && (lo.IsZero() || t.Before(lo)) {
			lo = t
		}
		if ok && t.After(hi) {
			hi = t
		}
		return ok
	}
	m := stats.Metrics{Proposals: stats.ProposalCounts{ByStatus: map[string]int{}, ByCategory: map[string]int{},
		ByChannel: map[string]int{}, ByKind: map[string]int{},
		ByLevel: map[string]int{"subdistrict": 0, "community": 0, "grid": 0}}, MedianDaysByLevel: map[string]*float64{},
		Outcomes: map[string]int{"completed": 0, "closed": 0, "referred": 0}}
	people, ours := map[int]bool{}, map[int]bool{}
	days := map[string][]float64{}
	for _, p := range r.proposals {
		if !strings.HasPrefix(p.OriginPath, path) || p.Status == "draft" {
			continue
		}
		ours[p.ID] = true
		if !in(p.CreatedAt) {
			continue
		}
		level := map[int]string{1: "subdistrict", 2: "community", 3: "grid"}[strings.Count(p.OriginPath, "/")]
		category := p.CategoryCode
		if category == "" {
			category = "uncategorized"
		}
		m.Proposals.Total++
		m.Proposals.ByStatus[string(p.Status)]++
		m.Proposals.ByCategory[category]++
		m.Proposals.ByChannel[string(p.Channel)]++
		m.Proposals.ByKind[string(p.Kind)]++
		m.Proposals.ByLevel[level]++
		if p.AuthorID != nil {
			people[*p.AuthorID] = true
		}
		switch p.Status {
		case "completed", "closed", "referred":
			m.Outcomes[string(p.Status)]++
		}
		if p.Status == "completed" || p.Status == "closed" {
			m.Resolved++
			if p.SubmittedAt != nil && p.ResolvedAt != nil {
				d := p.ResolvedAt.Sub(*p.SubmittedAt).Hours() / 24
				days["all"], days[level] = append(days["all"], d), append(days[level], d)
			}
		}
	}
	for _, c := range r.cosigns {
		if ours[c.ProposalID] && c.MergedFrom == nil && in(c.CreatedAt) {
			people[c.UserID] = true
		}
	}
	sum := 0
	for _, f := range r.feedback {
		if ours[f.ProposalID] && in(f.CreatedAt) {
			people[f.UserID] = true
			sum += f.Satisfaction
			m.FeedbackCount++
		}
	}
	for _, a := range r.attendees {
		mt := r.meetings[a.MeetingID]
		if a.Attended && a.UserID != nil && strings.HasPrefix(mt.UnitPath, path) && in(mt.StartsAt) {
			people[*a.UserID] = true
		}
	}
	for _, v := range r.votes {
		if v.CastBy != nil && strings.HasPrefix(v.UnitPath, path) && in(v.CreatedAt) {
			people[*v.CastBy] = true
		}
	}
	m.Participants = len(people)
	if m.Proposals.Total > 0 {
		m.ResolutionRate = round2(float64(m.Resolved) / float64(m.Proposals.Total))
	}
	if m.FeedbackCount > 0 {
		m.SatisfactionAvg = round2(float64(sum) / float64(m.FeedbackCount))
	}
	m.MedianDaysToResolve = mid(days["all"])
	for _, l := range []string{"subdistrict", "community", "grid"} {
		m.MedianDaysByLevel[l] = mid(days[l])
	}
	return m, lo, hi
}

func mid(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sort.Float64s(xs)
	n := len(xs)
	if n%2 == 1 {
		return round2(xs[n/2])
	}
	return round2((xs[n/2-1] + xs[n/2]) / 2)
}

func round2(x float64) *float64 {
	v := math.Round(x*100) / 100
	return &v
}
