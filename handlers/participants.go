package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/ent/participant"
	"yishi/ent/user"
	"yishi/internal/apperr"
)

// createParticipant godoc
//
//	@Summary	List a person at a meeting
//	@Description	Needs meeting:update (lead, guide). A registered user (user_id; 409 participant.duplicate when already listed) or a named guest, with the stakeholder identity they attend as. Not on a cancelled meeting (409 meeting.cancelled).
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
	if m.Status == meeting.StatusCancelled {
		return apperr.Conflict("meeting.cancelled", "a cancelled meeting takes no participants")
	}
	if req.UserID != nil {
		if err := s.requireUser(c, *req.UserID); err != nil {
			return err
		}
	}
	p, err := s.Store.Client.Participant.Create().SetTenantID(m.TenantID).SetUnitID(m.UnitID).
		SetUnitPath(m.UnitPath).SetCommunityPath(m.CommunityPath).SetMeetingID(m.ID).
		SetNillableUserID(req.UserID).SetGuestName(strings.TrimSpace(req.GuestName)).
		SetGuestPhone(req.GuestPhone).SetIdentity(participant.Identity(req.Identity)).
		SetAttended(req.Attended).Save(c.Request.Context())
	if ent.IsConstraintError(err) {
		return apperr.Conflict("participant.duplicate", "the user is already a participant of this meeting")
	}
	if err != nil {
		return fmt.Errorf("add participant: %w", err)
	}
	names, err := s.participantNames(c, []*ent.Participant{p})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, newParticipantResponse(p, names, true, caller(c).UserID))
	return nil
}

// participantNames looks up the names of the registered participants.
func (s *server) participantNames(c *gin.Context, rows []*ent.Participant) (map[int]string, error) {
	var ids []int
	for _, p := range rows {
		if p.UserID != nil {
			ids = append(ids, *p.UserID)
		}
	}
	out := map[int]string{}
	if len(ids) == 0 {
		return out, nil
	}
	users, err := s.Store.Client.User.Query().Where(user.IDIn(ids...)).
		Select(user.FieldID, user.FieldName).All(c.Request.Context())
	if err != nil {
		return nil, fmt.Errorf("read participant names: %w", err)
	}
	for _, u := range users {
		out[u.ID] = u.Name
	}
	return out, nil
}
