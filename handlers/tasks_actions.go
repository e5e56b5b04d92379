package handlers

import (
	"time"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
)

// taskActions are the buttons a task offers. Neither depends on the task's
// own status, because internal/tasks refuses neither outright: a done task
// keeps its fields editable (only a status change is 409 task.done), takes
// a 100% report from its reporters and a lower one from a lead, who
// reopens it that way. Both answer 409 proposal.not_in_delivery once the
// proposal has left approved/implementing, which the task row cannot show.
func taskActions() []action {
	return []action{
		{Name: "update", Route: "PATCH /v1/tasks/:id"},
		{Name: "report", Route: "POST /v1/tasks/:id/reports"},
	}
}

// taskAccess is a task as access sees it, built as the route's task
// loader builds it, for rows that are not the route's target (lists, the
// task a report moved).
func taskAccess(t *ent.Task) access.Target {
	return access.Target{Kind: "task", UnitPath: t.UnitPath, CommunityPath: t.CommunityPath,
		Visible: true, Object: t}
}

// taskResponder converts tasks for the caller of c as of now, so a page
// reports overdue days consistently and each task lists the actions the
// caller may take on it.
func (s *server) taskResponder(c *gin.Context, now time.Time) func(*ent.Task) taskResponse {
	conv := taskConverter(now)
	return func(t *ent.Task) taskResponse {
		out := conv(t)
		out.AllowedActions = s.allowedActions(c, taskAccess(t), taskActions())
		return out
	}
}
