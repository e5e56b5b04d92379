package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
)

// loadMeeting reads the meeting named by :id as the caller (privacy hides
// what they may not see: 404) and checks meeting:act at its unit;
// residents read their community's meetings. The row is visible by then,
// so a missing permission is 403.
func (s *server) loadMeeting(c *gin.Context, act string) (*ent.Meeting, error) {
	id, err := pathID(c, "id", "meeting")
	if err != nil {
		return nil, err
	}
	m, err := s.Store.Client.Meeting.Get(c.Request.Context(), id)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("meeting")
	}
	if err != nil {
		return nil, err
	}
	if err := s.allowInCommunity(c, "meeting", act, m.UnitPath, m.CommunityPath); err != nil {
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindNotFound {
			return nil, apperr.Forbidden("you may not " + act + " this meeting")
		}
		return nil, err
	}
	return m, nil
}

// managesMeeting reports whether the caller runs meetings at unitPath:
// they see draft minutes and guests' phone numbers.
func (s *server) managesMeeting(c *gin.Context, unitPath string) bool {
	v := caller(c)
	return v.TokenAllows("meeting", "update") && s.Policy.Enforce(v.Subject, "meeting", "update", unitPath)
}

// getMeeting godoc
//
//	@Summary	Get a meeting with its venue, agenda and attendance
//	@Description	participants counts everyone listed and those marked attended, per stakeholder identity (property_rep, building_head, resident_rep, …). Staff of the subtree and residents of the meeting's community read meetings. The ETag is the meeting's version.
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"meeting id"
//	@Success	200	{object}	meetingDetailResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/meetings/{id} [get]
func (s *server) getMeeting(c *gin.Context) {
	m, err := s.loadMeeting(c, "read")
	var out meetingDetailResponse
	if err == nil {
		out, err = s.meetingDetail(c, m)
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	c.Header("ETag", meetingETag(m))
	c.JSON(http.StatusOK, out)
}
