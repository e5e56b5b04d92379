package authz

import (
	"context"
	"fmt"

	"github.com/casbin/casbin/v2/model"
	"github.com/casbin/casbin/v2/persist"

	"yishi/ent"
	"yishi/ent/roleassignment"
)

// loadAssignments pages through live assignments in id order (keyset
// pagination, so each page is an index range scan) and adds a g line for
// each valid one.
func (a *Adapter) loadAssignments(ctx context.Context, m model.Model, onRow func(string, Assignment)) error {
	last := 0
	for {
		page, err := a.client.RoleAssignment.Query().
			Where(roleassignment.RevokedAtIsNil(), roleassignment.IDGT(last)).
			Order(ent.Asc(roleassignment.FieldID)).
			Limit(adapterPageSize).
			Select(roleassignment.FieldID, roleassignment.FieldSubject,
				roleassignment.FieldRole, roleassignment.FieldDomain).
			All(ctx)
		if err != nil {
			return fmt.Errorf("load role assignments after id %d: %w", last, err)
		}
		for _, row := range page {
			a.addRow(m, row, onRow)
		}
		if len(page) < adapterPageSize {
			return nil
		}
		last = page[len(page)-1].ID
	}
}

// addRow adds one assignment's g line, skipping (and logging) rows that
// could widen access if taken at face value.
func (a *Adapter) addRow(m model.Model, row *ent.RoleAssignment, onRow func(string, Assignment)) {
	asg, ok := assignmentOf(row)
	if !ok {
		a.logger.Warn("authz: skipping invalid role assignment",
			"id", row.ID, "subject", row.Subject, "role", row.Role, "domain", row.Domain)
		return
	}
	if err := persist.LoadPolicyArray([]string{"g", row.Subject, asg.Role, asg.Domain}, m); err != nil {
		a.logger.Warn("authz: skipping role assignment", "id", row.ID, "err", err)
		return
	}
	if onRow != nil {
		onRow(row.Subject, asg)
	}
}

// SavePolicy refuses: see errWriteThroughAPI.
func (a *Adapter) SavePolicy(model.Model) error { return errWriteThroughAPI }

// AddPolicy refuses: see errWriteThroughAPI.
func (a *Adapter) AddPolicy(string, string, []string) error { return errWriteThroughAPI }

// RemovePolicy refuses: see errWriteThroughAPI.
func (a *Adapter) RemovePolicy(string, string, []string) error { return errWriteThroughAPI }

// RemoveFilteredPolicy refuses: see errWriteThroughAPI.
func (a *Adapter) RemoveFilteredPolicy(string, string, int, ...string) error {
	return errWriteThroughAPI
}
