package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
)

// meetingAccess is m as access sees it, for decisions made on a meeting
// the route did not load (one just created) or made again after a change.
func meetingAccess(m *ent.Meeting) access.Target {
	return access.Target{Kind: "meeting", UnitPath: m.UnitPath, CommunityPath: m.CommunityPath,
		Visible: true, Object: m}
}

// managesMeeting reports whether the caller runs meetings where m lies
// (meeting:update): they see draft minutes and guests' phone numbers.
func (s *server) managesMeeting(c *gin.Context, m *ent.Meeting) bool {
	return s.access.Holds(caller(c), access.Perm("meeting:update"), meetingAccess(m), access.Subtree)
}

// getMeeting godoc
//
//	@ID		getMeeting
//	@Summary	Get a meeting with its venue, agenda and attendance
//	@Description	participants counts everyone listed and those marked attended, per stakeholder identity (property_rep, building_head, resident_rep, …). Staff of the subtree and residents of the meeting's community read meetings. The ETag is the meeting's version. allowed_actions lists what the caller may do to the meeting now (update, held, cancel, add_participant, put_minutes, approve_minutes), by the same rules the routes apply and the meeting's status; an action listed may still answer 409 for a precondition the list does not see (held before the meeting starts, approve_minutes without a draft).
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"meeting id"
//	@Success	200	{object}	meetingDetailResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/meetings/{id} [get]
func (s *server) getMeeting(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	out, err := s.meetingDetail(c, m)
	if err != nil {
		return err
	}
	c.Header("ETag", meetingETag(m))
	c.JSON(http.StatusOK, out)
	return nil
}
