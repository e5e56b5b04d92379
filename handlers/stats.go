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
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		from	query		string	false	"start, e.g. 2026-11-01"
//	@Param		to		query		string	false	"end, e.g. 2026-12-31 (inclusive for a date)"
//	@Success	200		{object}	statsResponse
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
	rep, err := stats.Compute(c.Request.Context(), s.Store.Client, u.Path, r, chinaTime())
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newStatsResponse(u.ID, r, rep))
	return nil
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
