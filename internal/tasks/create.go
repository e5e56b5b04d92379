// Package tasks is the delivery half of closing the loop (抓反馈):
// responsibilities assigned on an approved proposal, their changes, the
// progress reports that move them, the proposal's progress and overdue
// days. Authorization (who assigns, who reports) happens in handlers
// before these functions run; ent privacy still applies to every query.
package tasks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/internal/notify"
	"yishi/internal/proposals"
)

// NewTask is a task to assign on a proposal: to a person (AssigneeID) or
// to an organization (OrganizationID), never both.
type NewTask struct {
	Title, Description         string
	AssigneeID, OrganizationID *int
	DueAt                      time.Time
	Weight                     float64 // 0 means the default, 1
	CreatedBy                  *int
	// Quantity and QuantityUnit count the work (300 把); nil when the
	// task is not counted.
	Quantity     *int
	QuantityUnit string
}

// Create assigns in on p in tx and writes a task_assigned entry on p's
// timeline, so residents following the proposal see who is responsible.
// The proposal must be approved or implementing.
func Create(ctx context.Context, tx *ent.Tx, p *ent.Proposal, in NewTask, by proposals.Actor) (*ent.Task, error) {
	detail := map[string]any{"due_at": in.DueAt.UTC()}
	if in.OrganizationID != nil {
		o, err := CheckOrganization(ctx, tx, p, *in.OrganizationID)
		if err != nil {
			return nil, err
		}
		detail["organization_id"], detail["organization_name"] = o.ID, o.Name
	}
	if in.AssigneeID != nil {
		detail["assignee_id"] = *in.AssigneeID
	}
	if err := holdDelivery(ctx, tx, p.ID); err != nil {
		return nil, err
	}
	weight := in.Weight
	if weight == 0 {
		weight = 1
	}
	t, err := tx.Task.Create().SetProposalID(p.ID).SetTitle(strings.TrimSpace(in.Title)).
		SetDescription(in.Description).SetNillableAssigneeID(in.AssigneeID).
		SetNillableOrganizationID(in.OrganizationID).SetDueAt(in.DueAt.UTC()).SetWeight(weight).
		SetNillableCreatedBy(in.CreatedBy).SetNillableQuantity(in.Quantity).SetQuantityUnit(in.QuantityUnit).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("create task: %w", err)
	}
	detail["task_id"], detail["weight"] = t.ID, t.Weight
	if t.Quantity != nil {
		detail["quantity"], detail["quantity_unit"] = *t.Quantity, t.QuantityUnit
	}
	if err := proposals.RecordEvent(ctx, tx, p, by, "task_assigned", t.Title, detail); err != nil {
		return nil, err
	}
	return t, notify.TaskAssigned(ctx, tx.Client(), t, by.UserID)
}
