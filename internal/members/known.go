package members

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
	"yishi/ent/membership"
	"yishi/ent/roleassignment"
	"yishi/ent/user"
	"yishi/internal/viewer"
)

// The one rule for naming people (issue 15): staff name only people known
// to their tenant, so a user id or phone cannot be used to probe, or to
// pull into the tenant, residents of other tenants. Each read below is a
// deliberate system read of ids only, confined to tenantID (or, for
// Unaffiliated, to the single fact "belongs to no tenant"): a grid guide's
// own scope does not reach the memberships of other grids.

// KnownToTenant returns those of ids that name users known to the tenant:
// a membership anywhere in it or a live role assignment in it. The rest
// must be answered exactly like ids that name nobody.
func KnownToTenant(ctx context.Context, client *ent.Client, tenantID int, ids []int) ([]int, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	sys := viewer.SystemContext(ctx)
	byMembership, err := client.Membership.Query().
		Where(membership.TenantID(tenantID), membership.UserIDIn(ids...)).
		Select(membership.FieldUserID).Ints(sys)
	if err != nil {
		return nil, fmt.Errorf("read tenant %d memberships: %w", tenantID, err)
	}
	byRole, err := client.RoleAssignment.Query().
		Where(roleassignment.TenantID(tenantID), roleassignment.UserIDIn(ids...), roleassignment.RevokedAtIsNil()).
		Select(roleassignment.FieldUserID).Ints(sys)
	if err != nil {
		return nil, fmt.Errorf("read tenant %d role holders: %w", tenantID, err)
	}
	return uniqueIDs(append(byMembership, byRole...)), nil
}

// Admissible returns those of ids that a tenant may take in: users known
// to it, and registered users who belong to no tenant at all (a resident
// who has just registered, or the first admin the platform appoints). A
// user who belongs only to other tenants is not admissible: such a person
// joins through an invitation, never by an id another tenant can guess.
func Admissible(ctx context.Context, client *ent.Client, tenantID int, ids []int) ([]int, error) {
	known, err := KnownToTenant(ctx, client, tenantID, ids)
	if err != nil {
		return nil, err
	}
	knownSet := idSet(known)
	rest := slices.DeleteFunc(slices.Clone(ids), func(id int) bool { return knownSet[id] })
	if len(rest) == 0 {
		return known, nil
	}
	free, err := unaffiliated(ctx, client, rest)
	if err != nil {
		return nil, err
	}
	return uniqueIDs(append(known, free...)), nil
}

// unaffiliated returns those of ids that name registered users with no
// membership and no live role assignment in any tenant.
func unaffiliated(ctx context.Context, client *ent.Client, ids []int) ([]int, error) {
	sys := viewer.SystemContext(ctx)
	registered, err := client.User.Query().Where(user.IDIn(ids...)).IDs(sys)
	if err != nil {
		return nil, fmt.Errorf("read users: %w", err)
	}
	if len(registered) == 0 {
		return nil, nil
	}
	members, err := client.Membership.Query().Where(membership.UserIDIn(registered...)).
		Select(membership.FieldUserID).Ints(sys)
	if err != nil {
		return nil, fmt.Errorf("read memberships: %w", err)
	}
	holders, err := client.RoleAssignment.Query().Where(roleassignment.UserIDIn(registered...),
		roleassignment.TenantIDNotNil(), roleassignment.RevokedAtIsNil()).
		Select(roleassignment.FieldUserID).Ints(sys)
	if err != nil {
		return nil, fmt.Errorf("read role holders: %w", err)
	}
	taken := idSet(append(members, holders...))
	return slices.DeleteFunc(registered, func(id int) bool { return taken[id] }), nil
}

// KnownPhones maps those of phones that belong to users known to the
// tenant to their ids. A phone of an unregistered person and a phone of a
// user of another tenant are both simply absent, so a caller cannot tell
// them apart.
func KnownPhones(ctx context.Context, client *ent.Client, tenantID int, phones []string) (map[string]int, error) {
	out := map[string]int{}
	if len(phones) == 0 {
		return out, nil
	}
	users, err := client.User.Query().Where(user.PhoneIn(phones...)).
		Select(user.FieldID, user.FieldPhone).All(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("resolve phones: %w", err)
	}
	ids := make([]int, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	known, err := KnownToTenant(ctx, client, tenantID, ids)
	if err != nil {
		return nil, err
	}
	knownSet := idSet(known)
	for _, u := range users {
		if knownSet[u.ID] {
			out[u.Phone] = u.ID
		}
	}
	return out, nil
}

func uniqueIDs(ids []int) []int {
	slices.Sort(ids)
	return slices.Compact(ids)
}

func idSet(ids []int) map[int]bool {
	out := make(map[int]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out
}
