package handlers

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
)

// maxFilterValues caps the values of one comma-separated list filter
// (?status=open,closed). Every such filter names members of a small closed
// set, so a longer list is a mistake or an attack: without the cap a query
// string of 40,000 repeated statuses would reach the database as that many
// bound parameters, past SQLite's limit (a 500) and at a cost on
// PostgreSQL (issue 15).
const maxFilterValues = 20

// listFilter reads query parameter name as comma-separated values, each
// checked by valid (bad ones are named with hint), and returns them
// deduplicated in the order first given. More than maxFilterValues
// values, counted before deduplication and before any is checked, is one
// 400 naming the parameter, so the work is bounded whatever the URL holds.
func listFilter(c *gin.Context, name string, valid func(string) bool, hint string) ([]string, []apperr.FieldError) {
	v := c.Query(name)
	if v == "" {
		return nil, nil
	}
	if strings.Count(v, ",") >= maxFilterValues {
		return nil, []apperr.FieldError{{Field: name, Message: "at most " + strconv.Itoa(maxFilterValues) + " values"}}
	}
	var out []string
	var bad []apperr.FieldError
	seen := make(map[string]bool, maxFilterValues)
	for _, s := range strings.Split(v, ",") {
		if seen[s] {
			continue
		}
		seen[s] = true
		if !valid(s) {
			bad = append(bad, apperr.FieldError{Field: name, Message: "unknown " + name + " " + s + hint})
		}
		out = append(out, s)
	}
	return out, bad
}
