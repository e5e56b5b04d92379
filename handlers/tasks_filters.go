package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent/predicate"
	"yishi/ent/task"
	"yishi/internal/apperr"
	"yishi/internal/tasks"
)

// taskFilters parses ?overdue=&status=&assignee_id=&organization_id= as of
// now, naming every bad one.
func taskFilters(c *gin.Context, now time.Time) ([]predicate.Task, error) {
	var out []predicate.Task
	var bad []apperr.FieldError
	switch c.Query("overdue") {
	case "":
	case "true":
		out = append(out, tasks.OverdueAt(now))
	case "false":
		out = append(out, task.Not(tasks.OverdueAt(now)))
	default:
		bad = append(bad, apperr.FieldError{Field: "overdue", Message: "must be true or false"})
	}
	if v := c.Query("status"); v != "" {
		var sts []task.Status
		for _, st := range strings.Split(v, ",") {
			if task.StatusValidator(task.Status(st)) != nil {
				bad = append(bad, apperr.FieldError{Field: "status", Message: "unknown status " + st + " (todo, doing, done, blocked)"})
			}
			sts = append(sts, task.Status(st))
		}
		out = append(out, task.StatusIn(sts...))
	}
	for _, name := range []string{"assignee_id", "organization_id"} {
		v := c.Query(name)
		if v == "" {
			continue
		}
		id, err := strconv.Atoi(v)
		switch {
		case err != nil || id <= 0:
			bad = append(bad, apperr.FieldError{Field: name, Message: "must be an id"})
		case name == "assignee_id":
			out = append(out, task.AssigneeID(id))
		default:
			out = append(out, task.OrganizationID(id))
		}
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	return out, nil
}
