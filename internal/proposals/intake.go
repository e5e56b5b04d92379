package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/membership"
	"yishi/ent/organizationmember"
	"yishi/internal/viewer"
)

// The checks of a new proposal's references. Each reads tenant-wide
// reference data the filer's own scope may not reach (a grid resident
// does not see the subdistrict's list or other grids' members), so each
// is a deliberate system read confined to tenantID.

// IsActiveCategory reports whether code is an active encouraged item of
// the tenant's guidebook list, the only valid proposal categories.
func IsActiveCategory(ctx context.Context, client *ent.Client, tenantID int, code string) (bool, error) {
	ok, err := client.ListItem.Query().Where(listitem.TenantID(tenantID), listitem.Code(code),
		listitem.KindEQ(listitem.KindEncouraged), listitem.StatusEQ(listitem.StatusActive)).
		Exist(viewer.SystemContext(ctx))
	if err != nil {
		return false, fmt.Errorf("check category %q: %w", code, err)
	}
	return ok, nil
}

// LeadsOrganization reports whether userID leads organization orgID of
// the tenant: only its leader files an organizational proposal.
func LeadsOrganization(ctx context.Context, client *ent.Client, tenantID, orgID, userID int) (bool, error) {
	ok, err := client.OrganizationMember.Query().Where(organizationmember.TenantID(tenantID),
		organizationmember.OrganizationID(orgID),
		organizationmember.UserID(userID), organizationmember.RoleEQ(organizationmember.RoleLeader)).
		Exist(viewer.SystemContext(ctx))
	if err != nil {
		return false, fmt.Errorf("check organization %d leader: %w", orgID, err)
	}
	return ok, nil
}

// IsTenantMember reports whether userID is a member somewhere in the
// tenant: a guide names only such people as the authors they enter for.
func IsTenantMember(ctx context.Context, client *ent.Client, tenantID, userID int) (bool, error) {
	ok, err := client.Membership.Query().Where(membership.TenantID(tenantID), membership.UserID(userID)).
		Exist(viewer.SystemContext(ctx))
	if err != nil {
		return false, fmt.Errorf("check membership of user %d: %w", userID, err)
	}
	return ok, nil
}
