package handlers

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
)

// meetingCursor pages meetings in calendar order: (starts_at, id) of the
// last row seen. Like every cursor it is opaque to clients.
type meetingCursor struct {
	StartsAt time.Time
	ID       int
	Limit    int
}

// String encodes the position as base64url("unix-seconds:id"); meeting
// times are kept to the second, so nothing is lost.
func (m meetingCursor) String() string {
	raw := strconv.FormatInt(m.StartsAt.Unix(), 10) + ":" + strconv.Itoa(m.ID)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// parseMeetingCursor reads ?limit=&cursor= for a meeting list, naming
// every bad parameter.
func parseMeetingCursor(c *gin.Context) (meetingCursor, error) {
	out := meetingCursor{Limit: defaultPageSize}
	var bad []apperr.FieldError
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			bad = append(bad, apperr.FieldError{Field: "limit", Message: "must be an integer from 1 to 200"})
		}
		out.Limit = n
	}
	if v := c.Query("cursor"); v != "" {
		b, derr := base64.RawURLEncoding.DecodeString(v)
		secs, id, _ := strings.Cut(string(b), ":")
		n, serr := strconv.ParseInt(secs, 10, 64)
		i, ierr := strconv.Atoi(id)
		if derr != nil || serr != nil || ierr != nil || i <= 0 {
			bad = append(bad, apperr.FieldError{Field: "cursor", Message: "is not a cursor this API issued"})
		}
		out.StartsAt, out.ID = time.Unix(n, 0).UTC(), i
	}
	if len(bad) > 0 {
		return out, apperr.Invalid(bad...)
	}
	return out, nil
}

// parsePositive parses a positive integer query value.
func parsePositive(v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err == nil && n <= 0 {
		err = strconv.ErrRange
	}
	return n, err
}
