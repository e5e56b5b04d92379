package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
)

// listParticipants godoc
//
//	@ID		listParticipants
//	@Summary	A meeting's participants
//	@Description	In the order they were listed. Readers of the meeting see the list; guests' phone numbers and other people's names are masked for everyone but the meeting's staff (meeting:update).
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"meeting id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[participantResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/meetings/{id}/participants [get]
func (s *server) listParticipants(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	var names map[int]string
	staff, self, ctx := s.managesMeeting(c, m), caller(c).UserID, c.Request.Context()
	return respondPage(c, func(pg page) ([]*ent.Participant, error) {
		rows, err := meetings.Participants(ctx, s.Store.Client, m.ID, pg.After, pg.Limit)
		if err != nil {
			return nil, err
		}
		names, err = meetings.ParticipantNames(ctx, s.Store.Client, rows)
		return rows, err
	}, func(p *ent.Participant) int { return p.ID },
		func(p *ent.Participant) participantResponse { return newParticipantResponse(p, names, staff, self) })
}
