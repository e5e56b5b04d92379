package handlers

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/store"
	"yishi/internal/tasks"
)

// createTask godoc
//
//	@ID		createTask
//	@Summary	Assign a task on an approved proposal
//	@Description	Needs task:create (lead) where the proposal is handled. The proposal must be approved or implementing (409 proposal.not_in_delivery). Give exactly one of assignee_id, a user holding implementer or a staff role (guide, reviewer, lead, tenant_admin) at the proposal's unit, or organization_id, an active organization of the tenant serving the proposal's community (registered at the subdistrict, above the handling unit, or inside the community), whose members then report for it. due_at is required; it may already have passed when a task is recorded late, and the task is then overdue at once. weight (default 1) weighs the task in the proposal's progress. The proposal's timeline gains a task_assigned entry, and the proposal's version (its ETag) moves on, since it changed.
//	@Tags		tasks
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"proposal id"
//	@Param		body	body		createTaskRequest	true	"the task"
//	@Success	201		{object}	taskResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/proposals/{id}/tasks [post]
func (s *server) createTask(c *gin.Context) error {
	var req createTaskRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	p := targetOf[*ent.Proposal](c)
	if err := s.checkTaskAssignee(req.AssigneeID, p.UnitPath); err != nil {
		return err
	}
	ctx, by, in := c.Request.Context(), s.actor(c), req.newTask()
	in.CreatedBy = userIDPtr(caller(c))
	var t *ent.Task
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) (err error) {
		t, err = tasks.Create(ctx, tx, p, in, by)
		return err
	})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/tasks/"+strconv.Itoa(t.ID))
	c.Header("ETag", taskETag(t))
	c.JSON(http.StatusCreated, s.taskResponder(c, time.Now())(t))
	return nil
}
