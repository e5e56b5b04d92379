package handlers

import (
	"encoding/base64"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
)

const (
	defaultPageSize = 50
	maxPageSize     = 200
)

// page is a parsed ?limit=&cursor= pair. Cursors are opaque to clients:
// base64url of the last id seen, and lists are ordered by id.
type page struct {
	Limit int
	After int
}

func parsePage(c *gin.Context) (page, error) {
	p := page{Limit: defaultPageSize}
	var fields []apperr.FieldError
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			fields = append(fields, apperr.FieldError{Field: "limit", Message: "must be an integer from 1 to 200"})
		}
		p.Limit = n
	}
	if v := c.Query("cursor"); v != "" {
		b, err := base64.RawURLEncoding.DecodeString(v)
		n, aerr := strconv.Atoi(string(b))
		if err != nil || aerr != nil || n < 0 {
			fields = append(fields, apperr.FieldError{Field: "cursor", Message: "is not a cursor this API issued"})
		}
		p.After = n
	}
	if len(fields) > 0 {
		return p, apperr.Invalid(fields...)
	}
	return p, nil
}

// nextCursor returns the cursor after lastID when the page was full, or ""
// at the end of the list. Callers fetch Limit+1 rows to know.
func nextCursor(more bool, lastID int) string {
	if !more {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(lastID)))
}

// pageItems trims rows (fetched with Limit+1) to the page, converts them
// and returns the items with the next cursor.
func pageItems[T any, R any](rows []T, p page, id func(T) int, conv func(T) R) ([]R, string) {
	more := len(rows) > p.Limit
	if more {
		rows = rows[:p.Limit]
	}
	items := make([]R, 0, len(rows))
	for _, r := range rows {
		items = append(items, conv(r))
	}
	if len(rows) == 0 {
		return items, ""
	}
	return items, nextCursor(more, id(rows[len(rows)-1]))
}

// pageOf is the one list envelope of the API: a page of items and the
// cursor of the next page ("" at the end).
type pageOf[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// respondPage is the tail every list shares: parse ?limit=&cursor=, fetch
// Limit+1 rows after the cursor, convert them and answer 200 with the page.
func respondPage[T any, R any](c *gin.Context, fetch func(p page) ([]T, error), id func(T) int, conv func(T) R) error {
	p, err := parsePage(c)
	if err != nil {
		return err
	}
	rows, err := fetch(p)
	if err != nil {
		return err
	}
	var out pageOf[R]
	out.Items, out.NextCursor = pageItems(rows, p, id, conv)
	c.JSON(http.StatusOK, out)
	return nil
}
