package handlers

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/stats"
)

// chinaTime is the civil time of every tenant (China has one zone and no
// daylight saving): dates in queries and monthly buckets use it.
func chinaTime() *time.Location { return time.FixedZone("CST", 8*60*60) }

// getUnitStats godoc
//
//	@ID		getUnitStats
//	@Summary	Statistics of a unit's subtree
//	@Description	Proposals filed in the unit or below (drafts excluded) by status, category, channel, kind and filing level; resolved (completed or closed) and the resolution rate; the median days from submission to completion, overall and per level; distinct participants (proposing, co-signing, attending a meeting, voting, giving feedback); the average satisfaction; and the same month by month. from and to are dates (YYYY-MM-DD, China time, to inclusive) or RFC 3339 instants (to exclusive); either may be omitted, and the default is all time. Needs stats:read (tenant_admin, lead, reviewer).
//	@Tags		stats
//	@Produce	json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		from	query		string	false	"start, e.g. 2026-11-01"
//	@Param		to		query		string	false	"end, e.g. 2026-12-31 (inclusive for a date)"
//	@Param		by		query		string	false	"child: add children, every figure for each child unit's subtree side by side (the 27 communities of a subdistrict)"	Enums(child)
//	@Param		format	query		string	false	"json (default), csv or xlsx; Accept: text/csv or the XLSX media type does the same. A file has one row per child with by=child, else one row per month, then a total row"	Enums(json, csv, xlsx)
//	@Success	200		{object}	statsResponse
//	@Header		200		{string}	Content-Disposition	"for a file: attachment; filename=stats-YYYYMMDD.csv (or .xlsx)"
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/stats [get]
func (s *server) getUnitStats(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	r, err := parseStatsRange(c, chinaTime())
	if err != nil {
		return err
	}
	byChild, err := statsByChild(c)
	if err != nil {
		return err
	}
	format, file, err := exportFormatOf(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	var rep stats.Report
	var children []stats.ChildReport
	if byChild {
		kids, err := stats.ChildrenOf(ctx, s.Store.Client, u.ID)
		if err != nil {
			return err
		}
		rep, children, err = stats.ComputeByChild(ctx, s.Store.Client, u.Path, kids, r, chinaTime())
		if err != nil {
			return err
		}
	} else if rep, err = stats.Compute(ctx, s.Store.Client, u.Path, r, chinaTime()); err != nil {
		return err
	}
	out := newStatsResponse(u.ID, r, rep)
	if byChild {
		out.Children = newStatsChildren(children)
	}
	if file {
		return writeStatsExport(c, format, out, byChild)
	}
	c.JSON(http.StatusOK, out)
	return nil
}

// statsByChild reads ?by=: empty for the unit alone, child for the
// breakdown by child unit.
func statsByChild(c *gin.Context) (bool, error) {
	switch c.Query("by") {
	case "":
		return false, nil
	case "child":
		return true, nil
	}
	return false, apperr.Invalid(apperr.FieldError{Field: "by", Message: "must be child"})
}

// parseStatsRange reads ?from=&to= into a half-open range.
func parseStatsRange(c *gin.Context, loc *time.Location) (stats.Range, error) {
	var r stats.Range
	var fields []apperr.FieldError
	for _, b := range []struct {
		name string
		dst  **time.Time
		end  bool
	}{{"from", &r.From, false}, {"to", &r.To, true}} {
		raw := c.Query(b.name)
		if raw == "" {
			continue
		}
		t, ok := parseStatsBound(raw, loc, b.end)
		if !ok {
			fields = append(fields, apperr.FieldError{Field: b.name, Message: "must be a date (2026-11-01) or an RFC 3339 time"})
			continue
		}
		if t.Year() < 2000 || t.After(time.Now().AddDate(1, 0, 0)) {
			fields = append(fields, apperr.FieldError{Field: b.name, Message: "must lie between 2000 and a year from now"})
			continue
		}
		*b.dst = &t
	}
	if len(fields) == 0 && r.From != nil && r.To != nil {
		if !r.From.Before(*r.To) {
			fields = append(fields, apperr.FieldError{Field: "to", Message: "must be after from"})
		} else if r.To.After(r.From.AddDate(0, stats.MaxMonths, 0)) {
			fields = append(fields, apperr.FieldError{Field: "to", Message: "the range may span at most 10 years"})
		}
	}
	if len(fields) > 0 {
		return r, apperr.Invalid(fields...)
	}
	return r, nil
}

// parseStatsBound parses a date (midnight in loc; the day after for an
// inclusive end) or an RFC 3339 instant.
func parseStatsBound(raw string, loc *time.Location, end bool) (time.Time, bool) {
	if d, err := time.ParseInLocation(time.DateOnly, raw, loc); err == nil {
		if end {
			d = d.AddDate(0, 0, 1)
		}
		return d.UTC(), true
	}
	t, err := time.Parse(time.RFC3339, raw)
	return t.UTC(), err == nil
}
