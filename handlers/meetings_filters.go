package handlers

import (
	"slices"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/meetings"
)

// meetingFilters parses the list filters, naming every bad one.
func meetingFilters(c *gin.Context) (meetings.Filter, error) {
	var out meetings.Filter
	var bad []apperr.FieldError
	statuses, badStatus := listFilter(c, "status", meetings.ValidStatus, "")
	out.Statuses, bad = statuses, append(bad, badStatus...)
	if v := c.Query("format"); v != "" {
		if !slices.Contains(meetings.Formats(), v) {
			bad = append(bad, apperr.FieldError{Field: "format", Message: "unknown format"})
		}
		out.Format = v
	}
	if v := c.Query("series_id"); v != "" {
		id, err := parsePositive(v)
		if err != nil {
			bad = append(bad, apperr.FieldError{Field: "series_id", Message: "must be a meeting id"})
		}
		out.SeriesID = id
	}
	for _, name := range []string{"from", "to"} {
		v := c.Query(name)
		if v == "" {
			continue
		}
		t, err := parseTimeParam(v)
		switch {
		case err != nil:
			bad = append(bad, apperr.FieldError{Field: name, Message: "must be RFC 3339 or YYYY-MM-DD"})
		case name == "from":
			out.From = &t
		default:
			out.To = &t
		}
	}
	if len(bad) > 0 {
		return out, apperr.Invalid(bad...)
	}
	return out, nil
}
