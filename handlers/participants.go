package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
	"yishi/internal/store"
)

// createParticipant godoc
//
//	@ID		createParticipant
//	@Summary	List a person at a meeting
//	@Description	Needs meeting:update (lead, guide). A registered user (user_id; 409 participant.duplicate when already listed) or a named guest, with the stakeholder identity they attend as. Not on a cancelled meeting (409 meeting.cancelled). A user_id must name someone known to the tenant (a membership or a live role in it); anyone else answers exactly like an id of nobody (422 user.not_found).
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int							true	"meeting id"
//	@Param		body	body		createParticipantRequest	true	"the participant"
//	@Success	201		{object}	participantResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Failure	422		{object}	problem	"user_id names no user"
//	@Router		/v1/meetings/{id}/participants [post]
func (s *server) createParticipant(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	var req createParticipantRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := meetings.TakesParticipants(m); err != nil {
		return err
	}
	if req.UserID != nil {
		if err := s.requireKnownUser(c, m.TenantID, *req.UserID); err != nil {
			return err
		}
	}
	ctx := c.Request.Context()
	var p *ent.Participant
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error { // the participant and their notification
		var err error
		p, err = meetings.AddParticipant(ctx, tx.Client(), m, meetings.NewParticipant{UserID: req.UserID,
			GuestName: strings.TrimSpace(req.GuestName), GuestPhone: req.GuestPhone, Identity: req.Identity,
			Attended: req.Attended})
		return err
	})
	if err != nil {
		return err
	}
	names, err := meetings.ParticipantNames(ctx, s.Store.Client, []*ent.Participant{p})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, newParticipantResponse(p, names, true, caller(c).UserID))
	return nil
}
