package handlers

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/tasks"
)

// listProposalTasks godoc
//
//	@ID		listProposalTasks
//	@Summary	A proposal's tasks and its progress
//	@Description	Whoever reads the proposal reads its tasks: residents follow the delivery. progress is the weighted mean of every task's percent (weights from the tasks), with how many tasks there are, are done and are overdue; items are paged oldest first.
//	@Tags		tasks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"proposal id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	proposalTasksResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/proposals/{id}/tasks [get]
func (s *server) listProposalTasks(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	pg, err := parsePage(c)
	if err != nil {
		return err
	}
	rows, err := tasks.OfProposal(c.Request.Context(), s.Store.Client, p.ID)
	if err != nil {
		return err
	}
	now := time.Now()
	sum := tasks.Summarize(rows, now)
	out := proposalTasksResponse{Progress: sum.Progress, Total: sum.Tasks, Done: sum.Done, Overdue: sum.Overdue}
	var after []*ent.Task
	for _, t := range rows {
		if t.ID > pg.After {
			after = append(after, t)
		}
	}
	out.Items, out.NextCursor = pageItems(after, pg, func(t *ent.Task) int { return t.ID }, s.taskResponder(c, now))
	c.JSON(http.StatusOK, out)
	return nil
}

// getTask godoc
//
//	@ID		getTask
//	@Summary	Get a task
//	@Description	Readable by whoever reads its proposal, and by staff holding task:read there. The ETag is the task's version, for If-Match on PATCH. allowed_actions names what the caller may do to it now: update (PATCH /v1/tasks/{id}) and report (POST /v1/tasks/{id}/reports), decided by those routes' own rules; a listed action does not answer 403, though it may answer 409 once the proposal has left delivery.
//	@Tags		tasks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"task id"
//	@Success	200	{object}	taskResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/tasks/{id} [get]
func (s *server) getTask(c *gin.Context) error {
	t := targetOf[*ent.Task](c)
	out := taskConverter(time.Now())(t)
	out.AllowedActions = s.allowedActions(c, accessTarget(c), taskActions())
	c.Header("ETag", taskETag(t))
	c.JSON(http.StatusOK, out)
	return nil
}
