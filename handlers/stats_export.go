package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/internal/export"
)

// statsExportHeader names the columns of a statistics export: the row's
// label, then the headline figures.
func statsExportHeader(byChild bool) []string {
	first := []string{"month"}
	if byChild {
		first = []string{"unit_id", "code", "name"}
	}
	return append(first, "proposals", "resolved", "completed", "closed", "referred", "resolution_rate",
		"median_days_to_resolve", "participants", "satisfaction_avg", "feedback_count")
}

// statsExportCells are one row's figures, in statsExportHeader's order.
func statsExportCells(m statsMetrics) []any {
	return []any{m.Proposals.Total, m.Resolved, m.Outcomes.Completed, m.Outcomes.Closed, m.Outcomes.Referred,
		m.ResolutionRate, m.MedianDaysToResolve, m.Participants, m.SatisfactionAvg, m.FeedbackCount}
}

// writeStatsExport answers statistics as a file: one row per child unit
// with by=child, else one row per month; then a total row.
func writeStatsExport(c *gin.Context, f export.Format, out statsResponse, byChild bool) error {
	return writeExport(c, f, "stats", statsExportHeader(byChild), func(emit func(...any) error) error {
		if byChild {
			for _, ch := range out.Children {
				if err := emit(append([]any{ch.UnitID, ch.Code, ch.Name}, statsExportCells(ch.statsMetrics)...)...); err != nil {
					return err
				}
			}
			return emit(append([]any{out.UnitID, "", "total"}, statsExportCells(out.statsMetrics)...)...)
		}
		for _, m := range out.Monthly {
			if err := emit(append([]any{m.Month}, statsExportCells(m.statsMetrics)...)...); err != nil {
				return err
			}
		}
		return emit(append([]any{"total"}, statsExportCells(out.statsMetrics)...)...)
	})
}
