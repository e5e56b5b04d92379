package handlers

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/tasks"
)

// taskFilter parses ?overdue=&status=&assignee_id=&organization_id=,
// naming every bad one.
func taskFilter(c *gin.Context) (tasks.Filter, error) {
	var f tasks.Filter
	var bad []apperr.FieldError
	switch c.Query("overdue") {
	case "":
	case "true", "false":
		overdue := c.Query("overdue") == "true"
		f.Overdue = &overdue
	default:
		bad = append(bad, apperr.FieldError{Field: "overdue", Message: "must be true or false"})
	}
	statuses, badStatus := listFilter(c, "status", tasks.ValidStatus, " (todo, doing, done, blocked)")
	f.Statuses, bad = statuses, append(bad, badStatus...)
	for _, q := range []struct {
		name string
		dst  **int
	}{{"assignee_id", &f.AssigneeID}, {"organization_id", &f.OrganizationID}} {
		v := c.Query(q.name)
		if v == "" {
			continue
		}
		id, err := strconv.Atoi(v)
		if err != nil || id <= 0 {
			bad = append(bad, apperr.FieldError{Field: q.name, Message: "must be an id"})
			continue
		}
		*q.dst = &id
	}
	if len(bad) > 0 {
		return f, apperr.Invalid(bad...)
	}
	return f, nil
}
