package handlers

import (
	"time"

	"yishi/internal/stats"
)

// proposalCountsResponse breaks proposals down by status, category
// (uncategorized for none), channel, kind and the level of the unit where
// they were filed. Keys with no proposals are left out, except levels,
// which are always listed.
type proposalCountsResponse struct {
	Total      int            `json:"total" example:"12"`
	ByStatus   map[string]int `json:"by_status"`
	ByCategory map[string]int `json:"by_category"`
	ByChannel  map[string]int `json:"by_channel"`
	ByKind     map[string]int `json:"by_kind"`
	ByLevel    map[string]int `json:"by_level"`
}

// levelDaysResponse is the median days to resolve per filing level; null
// where nothing was resolved.
type levelDaysResponse struct {
	Subdistrict *float64 `json:"subdistrict"`
	Community   *float64 `json:"community" example:"21.5"`
	Grid        *float64 `json:"grid" example:"9"`
}

// outcomesResponse counts each closed-loop outcome on its own: completed
// (work done), closed (done and confirmed) and referred (handed to the
// competent department).
type outcomesResponse struct {
	Completed int `json:"completed" example:"4"`
	Closed    int `json:"closed" example:"2"`
	Referred  int `json:"referred" example:"1"`
}

// statsMetrics are the figures of one period (docs/DECISIONS.md defines
// each). Rates, medians and averages are null when undefined.
type statsMetrics struct {
	Proposals           proposalCountsResponse `json:"proposals"`
	Resolved            int                    `json:"resolved" example:"6"`
	Outcomes            outcomesResponse       `json:"outcomes"`
	ResolutionRate      *float64               `json:"resolution_rate" example:"0.5"`
	MedianDaysToResolve *float64               `json:"median_days_to_resolve" example:"14.25"`
	MedianDaysByLevel   levelDaysResponse      `json:"median_days_by_level"`
	Participants        int                    `json:"participants" example:"73"`
	SatisfactionAvg     *float64               `json:"satisfaction_avg" example:"4.2"`
	FeedbackCount       int                    `json:"feedback_count" example:"20"`
}

// statsMonth is one calendar month (China Standard Time) of the series.
type statsMonth struct {
	Month string `json:"month" example:"2026-11"`
	statsMetrics
}

// statsResponse is a unit subtree's statistics over [from, to), with the
// same figures month by month.
type statsResponse struct {
	UnitID int        `json:"unit_id"`
	From   *time.Time `json:"from"`
	To     *time.Time `json:"to"`
	statsMetrics
	Monthly []statsMonth `json:"monthly"`
	// Children is present with ?by=child: each child unit's subtree over
	// the same range, in unit id order.
	Children []statsChild `json:"children,omitempty"`
}

// statsChild is one child unit's figures in a by=child breakdown.
type statsChild struct {
	UnitID int    `json:"unit_id" example:"4"`
	Name   string `json:"name" example:"胜利社区"`
	Code   string `json:"code" example:"c4"`
	statsMetrics
}

func newStatsMetrics(m stats.Metrics) statsMetrics {
	p := m.Proposals
	return statsMetrics{
		Proposals: proposalCountsResponse{Total: p.Total, ByStatus: p.ByStatus, ByCategory: p.ByCategory,
			ByChannel: p.ByChannel, ByKind: p.ByKind, ByLevel: p.ByLevel},
		Resolved: m.Resolved, Outcomes: outcomesResponse{Completed: m.Outcomes["completed"],
			Closed: m.Outcomes["closed"], Referred: m.Outcomes["referred"]},
		ResolutionRate: m.ResolutionRate, MedianDaysToResolve: m.MedianDaysToResolve,
		MedianDaysByLevel: levelDaysResponse{Subdistrict: m.MedianDaysByLevel["subdistrict"],
			Community: m.MedianDaysByLevel["community"], Grid: m.MedianDaysByLevel["grid"]},
		Participants: m.Participants, SatisfactionAvg: m.SatisfactionAvg, FeedbackCount: m.FeedbackCount,
	}
}

func newStatsResponse(unitID int, r stats.Range, rep stats.Report) statsResponse {
	out := statsResponse{UnitID: unitID, From: utcPtr(r.From), To: utcPtr(r.To),
		statsMetrics: newStatsMetrics(rep.Metrics), Monthly: make([]statsMonth, 0, len(rep.Monthly))}
	for _, m := range rep.Monthly {
		out.Monthly = append(out.Monthly, statsMonth{Month: m.Month, statsMetrics: newStatsMetrics(m.Metrics)})
	}
	return out
}

func newStatsChildren(rows []stats.ChildReport) []statsChild {
	out := make([]statsChild, 0, len(rows))
	for _, r := range rows {
		out = append(out, statsChild{UnitID: r.ID, Name: r.Name, Code: r.Code, statsMetrics: newStatsMetrics(r.Metrics)})
	}
	return out
}
