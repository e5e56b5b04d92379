package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
	"yishi/internal/store"
)

// putMinutes godoc
//
//	@ID		putMeetingMinutes
//	@Summary	Write a meeting's minutes (the current draft)
//	@Description	Needs meeting:update (lead, guide). The first write creates version 1; while the latest version is a draft it is edited in place; once it is approved it is locked, and a write creates the next version as a draft (a correction never overwrites). Each decision names an agenda item of this meeting (else 400 decisions[i].agenda_item_id), at most one decision per item. Not for a cancelled meeting (409 meeting.cancelled). Attachments are not supported yet.
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"meeting id"
//	@Param		body	body		putMinutesRequest	true	"the minutes"
//	@Success	200		{object}	minutesResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/meetings/{id}/minutes [put]
func (s *server) putMinutes(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	var req putMinutesRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	d := req.draft(userIDPtr(caller(c)))
	return s.saveMinutes(c, m, func(tx *ent.Tx) (*ent.Minutes, error) {
		return meetings.WriteMinutes(c.Request.Context(), tx, m, d)
	})
}

// approveMinutes godoc
//
//	@ID		approveMeetingMinutes
//	@Summary	Approve (lock) a meeting's minutes
//	@Description	Needs meeting:approve_minutes (lead), on a held meeting (409 meeting.not_held). Locks the latest draft (409 minutes.missing, minutes.already_approved). In the same transaction each decision about a proposal is appended to that proposal's timeline as "meeting_decision" (note = the decision, detail = meeting_id, minutes_id, minutes_version, outcome), so the lead's decide step can cite it; a report_meeting appends "report_meeting" with the minutes to every proposal it reported on.
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"meeting id"
//	@Success	200	{object}	minutesResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Failure	409	{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/meetings/{id}/minutes/approve [post]
func (s *server) approveMinutes(c *gin.Context) error {
	m, by := targetOf[*ent.Meeting](c), s.actor(c)
	return s.saveMinutes(c, m, func(tx *ent.Tx) (*ent.Minutes, error) {
		return meetings.ApproveMinutes(c.Request.Context(), tx, m, userIDPtr(caller(c)), by, s.now())
	})
}

// saveMinutes runs change in a transaction and answers with the version.
func (s *server) saveMinutes(c *gin.Context, m *ent.Meeting, change func(tx *ent.Tx) (*ent.Minutes, error)) error {
	var out *ent.Minutes
	err := store.WithTx(c.Request.Context(), s.Store.Client, func(tx *ent.Tx) error {
		var err error
		out, err = change(tx)
		return err
	})
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, s.minutesOut(c, m, out))
	return nil
}

// minutesOut is row as the caller sees it, with what they may do to it.
func (s *server) minutesOut(c *gin.Context, m *ent.Meeting, row *ent.Minutes) minutesResponse {
	out := newMinutesResponse(row)
	out.AllowedActions = s.allowedActions(c, meetingAccess(m), minutesActionList(m, row))
	return out
}
