package handlers

import (
	"fmt"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/ent"
	"yishi/ent/organizationmember"
	"yishi/internal/apperr"
)

// loadTask reads the task named by :id as the caller: privacy hides tasks
// outside their tenant and community (404).
func (s *server) loadTask(c *gin.Context) (*ent.Task, error) {
	id, err := pathID(c, "id", "task")
	if err != nil {
		return nil, err
	}
	t, err := s.Store.Client.Task.Get(c.Request.Context(), id)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("task")
	}
	return t, err
}

func taskETag(t *ent.Task) string { return fmt.Sprintf(`W/"%d"`, t.Version) }

// allowVisible is allow for a row the caller already sees (a proposal or
// a task loaded through privacy): a missing permission is then 403, never
// a 404 that would pretend the row is not there.
func (s *server) allowVisible(c *gin.Context, obj, act, path string) error {
	err := s.allow(c, obj, act, path)
	if e, ok := apperr.As(err); ok && e.Kind == apperr.KindNotFound {
		return apperr.Forbidden("you may not " + act + " " + obj + " here")
	}
	return err
}

// allowTaskRead: a task and its reports are the public record of a
// proposal's delivery, so whoever reads the proposal reads them
// (residents of the community follow the work); staff holding task:read
// there read them too.
func (s *server) allowTaskRead(c *gin.Context, t *ent.Task) error {
	if s.allow(c, "task", "read", t.UnitPath) == nil {
		return nil
	}
	if err := s.allowInCommunity(c, "proposal", "read", t.UnitPath, t.CommunityPath); err != nil {
		return apperr.Forbidden("you may not read this task")
	}
	return nil
}

// checkTaskAssignee: a person assigned a task must be able to report on
// it, i.e. hold task:report (implementer or a staff role) at the
// proposal's handling unit.
func (s *server) checkTaskAssignee(userID *int, unitPath string) error {
	if userID == nil || s.Policy.Enforce(authz.UserSubject(*userID), "task", "report", unitPath) {
		return nil
	}
	return apperr.Invalid(apperr.FieldError{Field: "assignee_id",
		Message: "must be a user holding implementer or a staff role at the proposal's unit"})
}

// leadsTask reports whether the caller leads where the task lies
// (task:update): leads assign, change and correct tasks.
func (s *server) leadsTask(c *gin.Context, t *ent.Task) bool {
	return s.allow(c, "task", "update", t.UnitPath) == nil
}

// checkReporter: task:report alone lets an implementer report on any task
// in scope, so the caller must also be the assignee, a member of the
// assigned organization, or a lead in scope.
func (s *server) checkReporter(c *gin.Context, t *ent.Task) error {
	v := caller(c)
	if s.leadsTask(c, t) || (t.AssigneeID != nil && *t.AssigneeID == v.UserID && v.UserID > 0) {
		return nil
	}
	if t.OrganizationID != nil && v.UserID > 0 {
		member, err := s.Store.Client.OrganizationMember.Query().Where(organizationmember.UserID(v.UserID),
			organizationmember.OrganizationID(*t.OrganizationID)).Exist(c.Request.Context())
		if err != nil || member {
			return err
		}
	}
	return apperr.Forbidden("only the assignee, a member of the assigned organization, or a lead reports on this task")
}
