package handlers

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/tasks"
)

// delegateTaskRequest names the member who takes the task on.
type delegateTaskRequest struct {
	UserID int `json:"user_id" example:"7"`
}

func (r *delegateTaskRequest) validate() []apperr.FieldError {
	if r.UserID <= 0 {
		return []apperr.FieldError{{Field: "user_id", Message: "must be a user id"}}
	}
	return nil
}

// delegateTask godoc
//
//	@Summary	Assign an organization's task on to one of its members
//	@Description	The leader of the organization the task is assigned to (or a lead where the task lies) names a member of the organization as the person doing it (assignee_id); the task stays the organization's, so every member still reports on it. 422 user.not_found for someone not on the roster; 409 task.not_organizational for a task assigned to a person, task.conflict when it changed meanwhile.
//	@ID			delegateTask
//	@Tags		tasks
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"task id"
//	@Param		body	body		delegateTaskRequest	true	"the member"
//	@Success	200		{object}	taskResponse
//	@Failure	400		{object}	problem	"user_id invalid"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"task.not_found"
//	@Failure	409		{object}	problem	"task.not_organizational, task.conflict"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	422		{object}	problem	"user.not_found"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/tasks/{id}/delegate [post]
func (s *server) delegateTask(c *gin.Context) error {
	var req delegateTaskRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	out, err := tasks.Delegate(c.Request.Context(), s.Store.Client, targetOf[*ent.Task](c), req.UserID)
	if err != nil {
		return err
	}
	c.Header("ETag", taskETag(out))
	c.JSON(http.StatusOK, s.taskResponder(c, time.Now())(out))
	return nil
}
