package handlers

import (
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent/meeting"
	"yishi/ent/predicate"
	"yishi/internal/apperr"
	"yishi/internal/meetings"
)

// meetingFilters parses the list filters, naming every bad one.
func meetingFilters(c *gin.Context) ([]predicate.Meeting, error) {
	var out []predicate.Meeting
	var bad []apperr.FieldError
	if v := c.Query("status"); v != "" {
		var sts []meeting.Status
		for _, st := range strings.Split(v, ",") {
			if meeting.StatusValidator(meeting.Status(st)) != nil {
				bad = append(bad, apperr.FieldError{Field: "status", Message: "unknown status " + st})
			}
			sts = append(sts, meeting.Status(st))
		}
		out = append(out, meeting.StatusIn(sts...))
	}
	if v := c.Query("format"); v != "" {
		if !slices.Contains(meetings.Formats(), v) {
			bad = append(bad, apperr.FieldError{Field: "format", Message: "unknown format"})
		}
		out = append(out, meeting.FormatEQ(meeting.Format(v)))
	}
	if v := c.Query("series_id"); v != "" {
		id, err := parsePositive(v)
		if err != nil {
			bad = append(bad, apperr.FieldError{Field: "series_id", Message: "must be a meeting id"})
		}
		out = append(out, meeting.SeriesID(id))
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
			out = append(out, meeting.StartsAtGTE(t))
		default:
			out = append(out, meeting.StartsAtLT(t))
		}
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	return out, nil
}
