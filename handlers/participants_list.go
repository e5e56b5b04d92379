package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/participant"
)

// listParticipants godoc
//
//	@Summary	A meeting's participants
//	@Description	In the order they were listed. Readers of the meeting see the list; guests' phone numbers and other people's names are masked for everyone but the meeting's staff (meeting:update).
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"meeting id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	participantPage
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/meetings/{id}/participants [get]
func (s *server) listParticipants(c *gin.Context) {
	m, err := s.loadMeeting(c, "read")
	var pg page
	if err == nil {
		pg, err = parsePage(c)
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	rows, err := s.Store.Client.Participant.Query().
		Where(participant.MeetingID(m.ID), participant.IDGT(pg.After)).
		Order(ent.Asc(participant.FieldID)).Limit(pg.Limit + 1).All(c.Request.Context())
	var names map[int]string
	if err == nil {
		names, err = s.participantNames(c, rows)
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	staff, self := s.managesMeeting(c, m.UnitPath), caller(c).UserID
	var out participantPage
	out.Items, out.NextCursor = pageItems(rows, pg, func(p *ent.Participant) int { return p.ID },
		func(p *ent.Participant) participantResponse { return newParticipantResponse(p, names, staff, self) })
	c.JSON(http.StatusOK, out)
}
