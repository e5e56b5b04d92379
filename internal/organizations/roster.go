package organizations

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/organization"
	"yishi/ent/organizationmember"
	"yishi/ent/user"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// Patch changes an organization; nil fields stay.
type Patch struct {
	Name        *string
	Description *string
	Status      *string
}

// Update applies p to o. A name already used at the unit is 409
// organization.name_taken.
func Update(ctx context.Context, client *ent.Client, o *ent.Organization, p Patch) (*ent.Organization, error) {
	up := client.Organization.UpdateOne(o)
	if p.Name != nil {
		up.SetName(strings.TrimSpace(*p.Name))
	}
	if p.Description != nil {
		up.SetDescription(*p.Description)
	}
	if p.Status != nil {
		up.SetStatus(organization.Status(*p.Status))
	}
	out, err := up.Save(ctx)
	if ent.IsConstraintError(err) {
		return nil, apperr.Conflict("organization.name_taken", "an organization with this name exists at this unit")
	}
	if err != nil {
		return nil, fmt.Errorf("update organization %d: %w", o.ID, err)
	}
	return out, nil
}

// Member is one person of a roster with their name.
type Member struct {
	Row  *ent.OrganizationMember
	Name string
}

// Roster returns up to limit members of o whose row id is above after,
// oldest first, with their names.
func Roster(ctx context.Context, client *ent.Client, orgID, after, limit int) ([]Member, error) {
	rows, err := client.OrganizationMember.Query().Where(organizationmember.OrganizationID(orgID),
		organizationmember.IDGT(after)).Order(ent.Asc(organizationmember.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("roster of organization %d: %w", orgID, err)
	}
	ids := make([]int, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.UserID)
	}
	users, err := client.User.Query().Where(user.IDIn(ids...)).Select(user.FieldID, user.FieldName).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("names of organization %d: %w", orgID, err)
	}
	names := map[int]string{}
	for _, u := range users {
		names[u.ID] = u.Name
	}
	out := make([]Member, 0, len(rows))
	for _, r := range rows {
		out = append(out, Member{Row: r, Name: names[r.UserID]})
	}
	return out, nil
}

// RemoveMember takes userID off o's roster; someone not on it is 404
// organization_member.not_found.
func RemoveMember(ctx context.Context, client *ent.Client, o *ent.Organization, userID int) error {
	n, err := client.OrganizationMember.Delete().Where(organizationmember.OrganizationID(o.ID),
		organizationmember.UserID(userID)).Exec(ctx)
	if err != nil {
		return fmt.Errorf("remove member %d of organization %d: %w", userID, o.ID, err)
	}
	if n == 0 {
		return apperr.NotFound("organization_member")
	}
	return nil
}

// Mine is one organization of the caller, with their role in it.
type Mine struct {
	OrganizationID int    `json:"organization_id"`
	Name           string `json:"name"`
	Kind           string `json:"kind"`
	UnitID         int    `json:"unit_id"`
	Role           string `json:"role" enums:"leader,member"`
}

// OfUser lists the organizations userID belongs to and their role. The
// roster rows are the caller's own (privacy admits them); the
// organizations' names are read as the system, since a resident's scope
// may not reach the community an organization is registered at.
func OfUser(ctx context.Context, client *ent.Client, userID int) ([]Mine, error) {
	rows, err := client.OrganizationMember.Query().Where(organizationmember.UserID(userID)).
		Order(ent.Asc(organizationmember.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("organizations of user %d: %w", userID, err)
	}
	ids := make([]int, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.OrganizationID)
	}
	orgs, err := client.Organization.Query().Where(organization.IDIn(ids...)).All(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("read organizations of user %d: %w", userID, err)
	}
	byID := map[int]*ent.Organization{}
	for _, o := range orgs {
		byID[o.ID] = o
	}
	out := make([]Mine, 0, len(rows))
	for _, r := range rows {
		if o := byID[r.OrganizationID]; o != nil {
			out = append(out, Mine{OrganizationID: o.ID, Name: o.Name, Kind: string(o.Kind), UnitID: o.UnitID, Role: string(r.Role)})
		}
	}
	return out, nil
}
