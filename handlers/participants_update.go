package handlers

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/internal/apperr"
)

// updateParticipant godoc
//
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
	p := targetOf[*ent.Participant](c)
	var req updateParticipantRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request.Context()
	m, err := s.Store.Client.Meeting.Get(ctx, p.MeetingID)
	if err != nil {
		return fmt.Errorf("load participant's meeting: %w", err)
	}
	if m.Status == meeting.StatusCancelled {
		return apperr.Conflict("meeting.cancelled", "a cancelled meeting has no attendance")
	}
	p, err = s.Store.Client.Participant.UpdateOne(p).SetAttended(*req.Attended).Save(ctx)
	if err != nil {
		return fmt.Errorf("mark attendance: %w", err)
	}
	names, err := s.participantNames(c, []*ent.Participant{p})
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newParticipantResponse(p, names, true, caller(c).UserID))
	return nil
}
