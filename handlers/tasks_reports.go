package handlers

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/store"
	"yishi/internal/tasks"
)

// createTaskReport godoc
//
//	@ID		createTaskReport
//	@Summary	Report progress on a task
//	@Description	Needs task:report where the task lies (implementers and staff hold it) and, unless the caller leads there (task:update), to be the task's assignee or a member of its organization (403 otherwise). percent is 0-100 and may not fall below the task's current percent (409 task.percent_below_current) unless a lead reports, which is how a lead corrects a report or reopens a done task. 100% makes the task done and stamps done_at; below it the task is doing (a blocked task stays blocked until a lead changes it). On a counted task (quantity) delivered reports a batch (100 of 300 把): the task's delivered total grows by it and percent is computed as the floor of total/quantity (100 only once all is delivered); percent may then be omitted, and if sent must agree (400 naming percent); a batch past the quantity, or delivered on a task without one, is 400 naming delivered. A cancelled task takes no reports (409 task.cancelled). The proposal must be approved or implementing. The report, the task's change and a progress_report entry on the proposal's timeline are written in one transaction, so followers hear of every report; the proposal's version (its ETag) moves on with its progress.
//	@Tags		tasks
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"task id"
//	@Param		body	body		createTaskReportRequest	true	"the report"
//	@Success	201		{object}	createdReportResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/tasks/{id}/reports [post]
func (s *server) createTaskReport(c *gin.Context) error {
	t := targetOf[*ent.Task](c)
	var req createTaskReportRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := tasks.CheckReportAttachments(c.Request.Context(), s.Store.Client, t, req.AttachmentIDs); err != nil {
		return err
	}
	// A lead where the task lies (task:update) corrects or reopens it.
	leads := s.access.Holds(caller(c), access.Perm("task:update"), accessTarget(c), access.Subtree)
	ctx, by, now := c.Request.Context(), s.actor(c), time.Now()
	in := tasks.NewReport{Note: req.Note, AuthorID: userIDPtr(caller(c)),
		Correct: leads, AttachmentIDs: req.AttachmentIDs, Delivered: req.Delivered, PercentOmitted: req.Percent == nil}
	if req.Percent != nil {
		in.Percent = *req.Percent
	}
	var r *ent.ProgressReport
	var moved *ent.Task
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) (err error) {
		r, moved, err = tasks.Report(ctx, tx, t, in, by, now)
		return err
	})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/tasks/"+strconv.Itoa(t.ID)+"/reports")
	c.JSON(http.StatusCreated, createdReportResponse{newProgressReportResponse(r), s.taskResponder(c, now)(moved)})
	return nil
}

// listTaskReports godoc
//
//	@ID		listTaskReports
//	@Summary	A task's progress reports
//	@Description	Oldest first. Readable by whoever reads the task's proposal, and by staff holding task:read there.
//	@Tags		tasks
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"task id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[progressReportResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/tasks/{id}/reports [get]
func (s *server) listTaskReports(c *gin.Context) error {
	t := targetOf[*ent.Task](c)
	return respondPage(c, func(pg page) ([]*ent.ProgressReport, error) {
		return tasks.Reports(c.Request.Context(), s.Store.Client, t.ID, pg.After, pg.Limit+1)
	}, func(r *ent.ProgressReport) int { return r.ID }, newProgressReportResponse)
}
