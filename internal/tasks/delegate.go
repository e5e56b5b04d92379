package tasks

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/organizationmember"
	"yishi/ent/task"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// Delegate names userID, a member of the organization t is assigned to,
// as the person doing it; the task stays the organization's, so the
// organization's other members still report on it. The route decided
// that the caller leads the organization (or leads where the task lies);
// a resident leader's scope may not reach the task's row, so the roster
// check and the version-guarded write run as the system, confined to t.
// Someone not on the roster is 422 user.not_found; a task assigned to a
// person is 409 task.not_organizational.
func Delegate(ctx context.Context, client *ent.Client, t *ent.Task, userID int) (*ent.Task, error) {
	if t.OrganizationID == nil {
		return nil, apperr.Conflict("task.not_organizational", "only a task assigned to an organization is assigned on to one of its members")
	}
	sys := viewer.SystemContext(ctx)
	member, err := client.OrganizationMember.Query().Where(organizationmember.OrganizationID(*t.OrganizationID),
		organizationmember.UserID(userID)).Exist(sys)
	if err != nil {
		return nil, fmt.Errorf("check roster of organization %d: %w", *t.OrganizationID, err)
	}
	if !member {
		return nil, &apperr.Error{Kind: apperr.KindUnprocessable, Code: "user.not_found",
			Detail: "user_id names no member of the organization", Fields: []apperr.FieldError{{Field: "user_id", Message: "names no member of the organization"}}}
	}
	n, err := client.Task.Update().Where(task.ID(t.ID), task.Version(t.Version)).AddVersion(1).
		SetAssigneeID(userID).Save(sys)
	if err != nil {
		return nil, fmt.Errorf("delegate task %d: %w", t.ID, err)
	}
	if n == 0 {
		return nil, apperr.Conflict("task.conflict", "the task changed while you acted; reload it and retry")
	}
	return client.Task.Get(ctx, t.ID)
}
