package handlers

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/minutes"
	"yishi/internal/apperr"
)

// getMinutes godoc
//
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
	q := s.Store.Client.Minutes.Query().Where(minutes.MeetingID(m.ID))
	if !s.managesMeeting(c, m) {
		q.Where(minutes.StatusEQ(minutes.StatusApproved))
	}
	row, err := q.Order(ent.Desc(minutes.FieldVersion)).First(c.Request.Context())
	if ent.IsNotFound(err) {
		return apperr.NotFound("minutes")
	}
	if err != nil {
		return fmt.Errorf("read minutes: %w", err)
	}
	c.JSON(http.StatusOK, s.minutesOut(c, m, row))
	return nil
}

// listMinutesVersions godoc
//
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
		q := s.Store.Client.Minutes.Query().Where(minutes.MeetingID(m.ID), minutes.VersionGT(pg.After))
		if !staff {
			q.Where(minutes.StatusEQ(minutes.StatusApproved))
		}
		rows, err := q.Order(ent.Asc(minutes.FieldVersion)).Limit(pg.Limit + 1).All(c.Request.Context())
		if err != nil {
			return nil, fmt.Errorf("list minutes versions: %w", err)
		}
		return rows, nil
	}, func(r *ent.Minutes) int { return r.Version },
		func(r *ent.Minutes) minutesResponse { return s.minutesOut(c, m, r) })
}
