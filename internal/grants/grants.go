// Package grants reads role assignments, the rows the Casbin policy is
// built from. Writing them stays with authz.Policy, because every write
// bumps the policy version that the other instances follow; this package
// only answers who holds what, for the HTTP layer and for the services
// (members) that grant a role as part of a larger change.
package grants

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/roleassignment"
)

// AtUnit returns up to limit live assignments held at the unit with id
// unitID whose id is above after, oldest first: one page of the unit's
// grants. It reads as the caller in ctx, so privacy applies.
func AtUnit(ctx context.Context, client *ent.Client, unitID, after, limit int) ([]*ent.RoleAssignment, error) {
	rows, err := client.RoleAssignment.Query().
		Where(roleassignment.UnitID(unitID), roleassignment.RevokedAtIsNil(), roleassignment.IDGT(after)).
		Order(ent.Asc(roleassignment.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list grants at unit %d: %w", unitID, err)
	}
	return rows, nil
}

// LiveOf returns every live assignment of the policy subject ("u:7",
// "c:3"), oldest first. rc is a client or a transaction's
// RoleAssignment, so revoking a partner app reads its grants in the
// transaction that revokes them.
func LiveOf(ctx context.Context, rc *ent.RoleAssignmentClient, subject string) ([]*ent.RoleAssignment, error) {
	rows, err := rc.Query().Where(roleassignment.Subject(subject), roleassignment.RevokedAtIsNil()).
		Order(ent.Asc(roleassignment.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list live grants of %s: %w", subject, err)
	}
	return rows, nil
}

// Holds reports whether subject holds role live at the unit with path
// domain: a change that grants a role only when missing (a membership
// brings the resident role) asks it inside its transaction.
func Holds(ctx context.Context, rc *ent.RoleAssignmentClient, subject, role, domain string) (bool, error) {
	ok, err := rc.Query().Where(roleassignment.Subject(subject), roleassignment.Role(role),
		roleassignment.Domain(domain), roleassignment.RevokedAtIsNil()).Exist(ctx)
	if err != nil {
		return false, fmt.Errorf("check %s holds %s at %s: %w", subject, role, domain, err)
	}
	return ok, nil
}

// Live is LiveOf on the client: every live assignment of subject, for
// the caller's own profile.
func Live(ctx context.Context, client *ent.Client, subject string) ([]*ent.RoleAssignment, error) {
	return LiveOf(ctx, client.RoleAssignment, subject)
}
