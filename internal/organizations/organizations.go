// Package organizations records the organizations registered at a unit
// (self-organizations, property companies, merchants, party branches,
// departments) and their people. Organizational proposals are filed for
// one by its leader, and tasks assigned to one are reported on by its
// members, so membership here is what lets a company's staff act.
package organizations

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/organization"
	"yishi/ent/organizationmember"
	"yishi/internal/apperr"
)

// New is an organization to register; the HTTP layer validated it.
type New struct {
	Name        string
	Kind        string
	Description string
}

// Create registers in at u. A name already used at u is 409
// organization.name_taken.
func Create(ctx context.Context, client *ent.Client, u *ent.Unit, in New) (*ent.Organization, error) {
	o, err := client.Organization.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetName(strings.TrimSpace(in.Name)).SetKind(organization.Kind(in.Kind)).SetDescription(in.Description).
		Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("organization.name_taken", "an organization with this name exists at this unit")
	}
	if err != nil {
		return nil, fmt.Errorf("create organization: %w", err)
	}
	return o, nil
}

// AtUnit returns up to limit organizations registered at the unit with id
// unitID whose id is above after, oldest first: one page of them.
func AtUnit(ctx context.Context, client *ent.Client, unitID, after, limit int) ([]*ent.Organization, error) {
	rows, err := client.Organization.Query().Where(organization.UnitID(unitID), organization.IDGT(after)).
		Order(ent.Asc(organization.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list organizations of unit %d: %w", unitID, err)
	}
	return rows, nil
}

// AddMember records userID in o as role ("leader" or "member", validated
// by the HTTP layer). A user already in o is 409
// organization.member_exists.
func AddMember(ctx context.Context, client *ent.Client, o *ent.Organization, userID int, role string) (*ent.OrganizationMember, error) {
	m, err := client.OrganizationMember.Create().SetTenantID(o.TenantID).SetUnitID(o.UnitID).
		SetUnitPath(o.UnitPath).SetOrganizationID(o.ID).SetUserID(userID).
		SetRole(organizationmember.Role(role)).Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("organization.member_exists", "the user is already in this organization")
	}
	if err != nil {
		return nil, fmt.Errorf("add organization member: %w", err)
	}
	return m, nil
}

// IDsOf returns the ids of the organizations userID belongs to: their
// tasks are the user's tasks too.
func IDsOf(ctx context.Context, client *ent.Client, userID int) ([]int, error) {
	ids, err := client.OrganizationMember.Query().Where(organizationmember.UserID(userID)).
		Select(organizationmember.FieldOrganizationID).Ints(ctx)
	if err != nil {
		return nil, fmt.Errorf("list organizations of user %d: %w", userID, err)
	}
	return ids, nil
}
