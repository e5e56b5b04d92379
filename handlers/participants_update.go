package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
)

// updateParticipant godoc
//
//	@ID		updateParticipant
//	@Summary	Mark a participant's attendance
//	@Description	Needs meeting:update at the meeting's unit (lead, guide). The meeting's participant counts per identity follow. Not on a cancelled meeting (409 meeting.cancelled).
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int							true	"participant id"
//	@Param		body	body		updateParticipantRequest	true	"attendance"
//	@Success	200		{object}	participantResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Router		/v1/participants/{id} [patch]
func (s *server) updateParticipant(c *gin.Context) error {
	var req updateParticipantRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request.Context()
	p, err := meetings.MarkAttendance(ctx, s.Store.Client, targetOf[*ent.Participant](c), *req.Attended)
	if err != nil {
		return err
	}
	names, err := meetings.ParticipantNames(ctx, s.Store.Client, []*ent.Participant{p})
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newParticipantResponse(p, names, true, caller(c).UserID))
	return nil
}
