package handlers_test

import (
	"testing"
	"time"

	"yishi/internal/stats"
	"yishi/internal/stats/statstest"
)

// statsBody mirrors the metrics of GET /v1/units/{id}/stats.
type statsBody struct {
	Proposals struct {
		Total      int            `json:"total"`
		ByStatus   map[string]int `json:"by_status"`
		ByCategory map[string]int `json:"by_category"`
		ByChannel  map[string]int `json:"by_channel"`
		ByKind     map[string]int `json:"by_kind"`
		ByLevel    map[string]int `json:"by_level"`
	} `json:"proposals"`
	Resolved            int                 `json:"resolved"`
	ResolutionRate      *float64            `json:"resolution_rate"`
	MedianDaysToResolve *float64            `json:"median_days_to_resolve"`
	MedianDaysByLevel   map[string]*float64 `json:"median_days_by_level"`
	Participants        int                 `json:"participants"`
	SatisfactionAvg     *float64            `json:"satisfaction_avg"`
	FeedbackCount       int                 `json:"feedback_count"`
}

// statsMonthBody is one month of the series.
type statsMonthBody struct {
	Month string `json:"month"`
	statsBody
}

// statsDoc is the whole answer.
type statsDoc struct {
	statsBody
	Monthly []statsMonthBody `json:"monthly"`
}

// recount is the brute-force answer (statstest reads every row as system
// and counts one definition at a time) in the API's shape.
func (w *world) recount(t *testing.T, path string, from, to time.Time) statsBody {
	t.Helper()
	rows, err := statstest.ReadAll(w.st.Client)
	if err != nil {
		t.Fatal(err)
	}
	m, _, _ := rows.Recount(path, from, to)
	return asStatsBody(m)
}

func asStatsBody(m stats.Metrics) statsBody {
	var b statsBody
	p := m.Proposals
	b.Proposals.Total, b.Proposals.ByStatus, b.Proposals.ByCategory = p.Total, p.ByStatus, p.ByCategory
	b.Proposals.ByChannel, b.Proposals.ByKind, b.Proposals.ByLevel = p.ByChannel, p.ByKind, p.ByLevel
	b.Resolved, b.ResolutionRate, b.MedianDaysToResolve = m.Resolved, m.ResolutionRate, m.MedianDaysToResolve
	b.MedianDaysByLevel, b.Participants = m.MedianDaysByLevel, m.Participants
	b.SatisfactionAvg, b.FeedbackCount = m.SatisfactionAvg, m.FeedbackCount
	return b
}
