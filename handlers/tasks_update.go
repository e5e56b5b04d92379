package handlers

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/tasks"
)

// updateTask godoc
//
//	@ID		updateTask
//	@Summary	Change a task
//	@Description	Needs task:update (lead) where the task lies, while its proposal is approved or implementing (409 proposal.not_in_delivery). status is todo, doing, blocked or cancelled (final: a cancelled task no longer counts toward progress, overdue or completion, takes no reports and is not changed again: 409 task.cancelled); done comes only from a 100% progress report, and a done task's status does not change here (409 task.done): a lead reopens it with a progress report below 100%. assignee_id or organization_id reassigns the task (the same rules as creating one) and clears the other. A reassignment, a new due_at and a cancellation each write a timeline event on the proposal (task_reassigned, task_rescheduled, task_cancelled) with detail.before and detail.after. Send If-Match with the ETag from a read; a concurrent change is 409 task.conflict.
//	@Tags		tasks
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int					true	"task id"
//	@Param		If-Match	header		string				false	"ETag of the version you saw"
//	@Param		body		body		updateTaskRequest	true	"the changes"
//	@Success	200			{object}	taskResponse
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Failure	409			{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/tasks/{id} [patch]
func (s *server) updateTask(c *gin.Context) error {
	t := targetOf[*ent.Task](c)
	if err := s.checkIfMatch(c, taskETag(t)); err != nil {
		return err
	}
	var req updateTaskRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.checkTaskAssignee(req.AssigneeID, t.UnitPath); err != nil {
		return err
	}
	out, err := tasks.Change(c.Request.Context(), s.Store.Client, t, req.patch(), s.actor(c))
	if err != nil {
		return err
	}
	c.Header("ETag", taskETag(out))
	c.JSON(http.StatusOK, s.taskResponder(c, time.Now())(out))
	return nil
}
