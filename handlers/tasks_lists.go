package handlers

import (
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/organizations"
	"yishi/internal/tasks"
)

// listUnitTasks godoc
//
//	@ID		listUnitTasks
//	@Summary	Tasks of a unit's subtree, e.g. the overdue ones
//	@Description	Needs task:read at the unit (leads, staff, implementers). Covers every task whose proposal is handled at the unit or below. overdue=true keeps tasks not done whose due date has passed; each task says overdue_days, whole days late counting a started day (an hour late is 1). status (comma-separated), assignee_id and organization_id filter further. Oldest first.
//	@Tags		tasks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id				path		int		true	"unit id"
//	@Param		overdue			query		bool	false	"only overdue (true) or only not overdue (false)"
//	@Param		status			query		string	false	"todo, doing, done, blocked; comma-separated"
//	@Param		assignee_id		query		int		false	"tasks assigned to this user"
//	@Param		organization_id	query		int		false	"tasks assigned to this organization"
//	@Param		limit			query		int		false	"page size, 1-200"
//	@Param		cursor			query		string	false	"next_cursor of the previous page"
//	@Success	200				{object}	pageOf[taskResponse]
//	@Failure	400				{object}	problem
//	@Failure	401				{object}	problem
//	@Failure	403				{object}	problem
//	@Failure	404				{object}	problem
//	@Router		/v1/units/{id}/tasks [get]
func (s *server) listUnitTasks(c *gin.Context) error {
	return s.pageTasks(c, tasks.InSubtree(targetOf[*ent.Unit](c).Path))
}

// listMyTasks godoc
//
//	@ID		listMyTasks
//	@Summary	The caller's own tasks
//	@Description	Tasks assigned to the caller, or to an organization the caller is a member of (the property company's staff see its tasks), with the same filters as the unit list. Oldest first.
//	@Tags		tasks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		overdue			query		bool	false	"only overdue (true) or only not overdue (false)"
//	@Param		status			query		string	false	"todo, doing, done, blocked; comma-separated"
//	@Param		organization_id	query		int		false	"tasks assigned to this organization"
//	@Param		limit			query		int		false	"page size, 1-200"
//	@Param		cursor			query		string	false	"next_cursor of the previous page"
//	@Success	200				{object}	pageOf[taskResponse]
//	@Failure	400				{object}	problem
//	@Failure	401				{object}	problem
//	@Failure	403				{object}	problem
//	@Router		/v1/me/tasks [get]
func (s *server) listMyTasks(c *gin.Context) error {
	v := caller(c)
	if v.UserID == 0 {
		return apperr.Forbidden("only a person has tasks of their own")
	}
	orgs, err := organizations.IDsOf(c.Request.Context(), s.Store.Client, v.UserID)
	if err != nil {
		return err
	}
	return s.pageTasks(c, tasks.OwnedBy(v.UserID, orgs))
}

// pageTasks answers one filtered page of the tasks in scope.
func (s *server) pageTasks(c *gin.Context, scope tasks.Scope) error {
	now := time.Now()
	f, err := taskFilter(c)
	if err != nil {
		return err
	}
	return respondPage(c, func(pg page) ([]*ent.Task, error) {
		return tasks.List(c.Request.Context(), s.Store.Client, scope, f, now, pg.After, pg.Limit+1)
	}, func(t *ent.Task) int { return t.ID }, s.taskResponder(c, now))
}
