package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
	"yishi/internal/store"
)

// updateMeeting godoc
//
//	@ID		updateMeeting
//	@Summary	Rename or reschedule a meeting
//	@Description	Needs meeting:update (lead, guide). Only a scheduled meeting changes (409 meeting.not_scheduled otherwise), and only this occurrence of a series. A new starts_at without ends_at keeps the meeting's length. venue_id 0 clears the venue; another venue must be active and visible. Send If-Match with the ETag from a read to avoid overwriting someone else's change.
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int						true	"meeting id"
//	@Param		If-Match	header		string					false	"ETag of the version you saw"
//	@Param		body		body		updateMeetingRequest	true	"the changes"
//	@Success	200			{object}	meetingDetailResponse
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Failure	409			{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/meetings/{id} [patch]
func (s *server) updateMeeting(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	if err := s.checkIfMatch(c, meetingETag(m)); err != nil {
		return err
	}
	var req updateMeetingRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ch := meetings.Change{Title: req.Title, VenueID: req.VenueID, StartsAt: req.StartsAt, EndsAt: req.EndsAt}
	return s.saveMeeting(c, func(tx *ent.Tx) (*ent.Meeting, error) {
		return meetings.Update(c.Request.Context(), tx, m, ch)
	})
}

// transitionMeeting godoc
//
//	@ID		transitionMeeting
//	@Summary	Mark a meeting held, or cancel it
//	@Description	Needs meeting:update (lead, guide). held marks a scheduled meeting that has started as held (409 meeting.not_started before then), after which its minutes can be approved; cancel cancels a scheduled one. Held and cancelled are final: 409 meeting.invalid_transition. Proposals on a cancelled meeting's agenda stay deliberating and can go on another meeting's agenda.
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int		true	"meeting id"
//	@Param		action		path		string	true	"the action"	Enums(held,cancel)
//	@Param		If-Match	header		string	false	"ETag of the version you saw"
//	@Success	200			{object}	meetingDetailResponse
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Failure	409			{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/meetings/{id}/{action} [post]
func (s *server) transitionMeeting(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	if err := s.checkIfMatch(c, meetingETag(m)); err != nil {
		return err
	}
	action := c.Param("action")
	return s.saveMeeting(c, func(tx *ent.Tx) (*ent.Meeting, error) {
		return meetings.SetStatus(c.Request.Context(), tx, m, action, s.now())
	})
}

// saveMeeting runs change in a transaction and answers with the result.
func (s *server) saveMeeting(c *gin.Context, change func(tx *ent.Tx) (*ent.Meeting, error)) error {
	var out *ent.Meeting
	err := store.WithTx(c.Request.Context(), s.Store.Client, func(tx *ent.Tx) error {
		var err error
		out, err = change(tx)
		return err
	})
	if err != nil {
		return err
	}
	resp, err := s.meetingDetail(c, out)
	if err != nil {
		return err
	}
	c.Header("ETag", meetingETag(out))
	c.JSON(http.StatusOK, resp)
	return nil
}
