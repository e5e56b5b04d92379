package handlers

import (
	"fmt"

	"yishi/authz"
	"yishi/ent"
	"yishi/internal/apperr"
)

func taskETag(t *ent.Task) string { return fmt.Sprintf(`W/"%d"`, t.Version) }

// checkTaskAssignee: a person assigned a task must be able to report on
// it, i.e. hold task:report (implementer or a staff role) at the
// proposal's handling unit. This is about the assignee the body names,
// not the caller, so the route's rule cannot decide it.
func (s *server) checkTaskAssignee(userID *int, unitPath string) error {
	if userID == nil || s.Policy.Enforce(authz.UserSubject(*userID), "task", "report", unitPath) {
		return nil
	}
	return apperr.Invalid(apperr.FieldError{Field: "assignee_id",
		Message: "must be a user holding implementer or a staff role at the proposal's unit"})
}
