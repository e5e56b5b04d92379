package handlers

import (
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
func (s *server) updateParticipant(c *gin.Context) {
	p, err := s.loadParticipant(c)
	var req updateParticipantRequest
	if err == nil {
		err = bindJSON(c, &req)
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	ctx := c.Request.Context()
	m, err := s.Store.Client.Meeting.Get(ctx, p.MeetingID)
	if err == nil && m.Status == meeting.StatusCancelled {
		err = apperr.Conflict("meeting.cancelled", "a cancelled meeting has no attendance")
	}
	if err == nil {
		p, err = s.Store.Client.Participant.UpdateOne(p).SetAttended(*req.Attended).Save(ctx)
	}
	var names map[int]string
	if err == nil {
		names, err = s.participantNames(c, []*ent.Participant{p})
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	c.JSON(http.StatusOK, newParticipantResponse(p, names, true, caller(c).UserID))
}

// loadParticipant reads the participant named by :id as the caller and
// checks meeting:update at its meeting's unit.
func (s *server) loadParticipant(c *gin.Context) (*ent.Participant, error) {
	id, err := pathID(c, "id", "participant")
	if err != nil {
		return nil, err
	}
	p, err := s.Store.Client.Participant.Get(c.Request.Context(), id)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("participant")
	}
	if err != nil {
		return nil, err
	}
	if err := s.allow(c, "meeting", "update", p.UnitPath); err != nil {
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindNotFound {
			return nil, apperr.Forbidden("you may not mark attendance at this meeting")
		}
		return nil, err
	}
	return p, nil
}
