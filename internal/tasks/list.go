package tasks

import (
	"context"
	"fmt"
	"slices"
	"time"

	"yishi/ent"
	"yishi/ent/attachment"
	"yishi/ent/predicate"
	"yishi/ent/progressreport"
	"yishi/ent/task"
	"yishi/internal/apperr"
)

// Scope is whose tasks a list covers: those of a unit's subtree (a lead's
// overview), or a person's own (assigned to them or to an organization
// they belong to).
type Scope struct {
	where predicate.Task
}

// InSubtree covers every task whose proposal is handled at the unit with
// path or below.
func InSubtree(path string) Scope { return Scope{task.UnitPathHasPrefix(path)} }

// OwnedBy covers the tasks assigned to userID or to one of the
// organizations orgIDs (those the user belongs to).
func OwnedBy(userID int, orgIDs []int) Scope {
	return Scope{task.Or(task.AssigneeID(userID), task.OrganizationIDIn(orgIDs...))}
}

// Filter narrows a list; nil and empty fields leave it unfiltered. The
// HTTP layer parses it and checks statuses with ValidStatus.
type Filter struct {
	// Overdue keeps the overdue tasks (true) or the others (false).
	Overdue        *bool
	Statuses       []string
	AssigneeID     *int
	OrganizationID *int
}

// ValidStatus reports whether s names a task status (todo, doing, done,
// blocked).
func ValidStatus(s string) bool { return task.StatusValidator(task.Status(s)) == nil }

// List returns up to limit tasks in sc matching f as of now whose id is
// above after, oldest first: one page of a task list. It reads as the
// caller, so privacy applies too.
func List(ctx context.Context, client *ent.Client, sc Scope, f Filter, now time.Time, after, limit int) ([]*ent.Task, error) {
	where := []predicate.Task{sc.where, task.IDGT(after)}
	if f.Overdue != nil && *f.Overdue {
		where = append(where, OverdueAt(now))
	} else if f.Overdue != nil {
		where = append(where, task.Not(OverdueAt(now)))
	}
	if len(f.Statuses) > 0 {
		sts := make([]task.Status, 0, len(f.Statuses))
		for _, st := range f.Statuses {
			sts = append(sts, task.Status(st))
		}
		where = append(where, task.StatusIn(sts...))
	}
	if f.AssigneeID != nil {
		where = append(where, task.AssigneeID(*f.AssigneeID))
	}
	if f.OrganizationID != nil {
		where = append(where, task.OrganizationID(*f.OrganizationID))
	}
	rows, err := client.Task.Query().Where(where...).Order(ent.Asc(task.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list tasks: %w", err)
	}
	return rows, nil
}

// OfProposal returns every task of the proposal, oldest first: its
// progress is computed over all of them.
func OfProposal(ctx context.Context, client *ent.Client, proposalID int) ([]*ent.Task, error) {
	rows, err := client.Task.Query().Where(task.ProposalID(proposalID)).Order(ent.Asc(task.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list tasks of proposal %d: %w", proposalID, err)
	}
	return rows, nil
}

// Reports returns up to limit progress reports on the task whose id is
// above after, oldest first: one page of its history.
func Reports(ctx context.Context, client *ent.Client, taskID, after, limit int) ([]*ent.ProgressReport, error) {
	rows, err := client.ProgressReport.Query().Where(progressreport.TaskID(taskID), progressreport.IDGT(after)).
		Order(ent.Asc(progressreport.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list reports of task %d: %w", taskID, err)
	}
	return rows, nil
}

// CheckReportAttachments: a report cites only distinct files attached to
// its task's proposal that the caller (ctx) can see; anything else is a
// 400 on attachment_ids.
func CheckReportAttachments(ctx context.Context, client *ent.Client, t *ent.Task, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	found, err := client.Attachment.Query().Where(attachment.IDIn(ids...),
		attachment.OwnerType("proposal"), attachment.OwnerID(t.ProposalID)).IDs(ctx)
	if err != nil {
		return fmt.Errorf("check report attachments: %w", err)
	}
	for i, id := range ids {
		if !slices.Contains(found, id) || slices.Index(ids, id) != i {
			return apperr.Invalid(apperr.FieldError{Field: "attachment_ids",
				Message: "must name distinct files attached to this task's proposal"})
		}
	}
	return nil
}
