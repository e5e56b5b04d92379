package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/meetings"
)

// getMinutes godoc
//
//	@ID		getMeetingMinutes
//	@Summary	A meeting's current minutes
//	@Description	The meeting's staff (meeting:update) get the latest version, draft or approved; everyone else who reads the meeting gets the latest approved version. 404 minutes.not_found when there is none. allowed_actions names update (write the next draft) and approve (lock the draft of a held meeting) when the caller may.
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"meeting id"
//	@Success	200	{object}	minutesResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/meetings/{id}/minutes [get]
func (s *server) getMinutes(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	row, err := meetings.CurrentMinutes(c.Request.Context(), s.Store.Client, m.ID, s.managesMeeting(c, m))
	if ent.IsNotFound(err) {
		return apperr.NotFound("minutes")
	}
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, s.minutesOut(c, m, row))
	return nil
}

// listMinutesVersions godoc
//
//	@ID		listMeetingMinutesVersions
//	@Summary	Every version of a meeting's minutes
//	@Description	Oldest first, so corrections can be compared with what was approved before. Drafts are listed only for the meeting's staff (meeting:update).
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"meeting id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[minutesResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/meetings/{id}/minutes/versions [get]
func (s *server) listMinutesVersions(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	staff := s.managesMeeting(c, m)
	return respondPage(c, func(pg page) ([]*ent.Minutes, error) {
		return meetings.MinutesVersions(c.Request.Context(), s.Store.Client, m.ID, staff, pg.After, pg.Limit)
	}, func(r *ent.Minutes) int { return r.Version },
		func(r *ent.Minutes) minutesResponse { return s.minutesOut(c, m, r) })
}
