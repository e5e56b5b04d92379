package units

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/unit"
	"yishi/internal/apperr"
)

// IsTenantRoot reports whether u is a subdistrict, the root of a tenant:
// tenant admins are appointed there and the guidebook lists belong there.
func IsTenantRoot(u *ent.Unit) bool { return u.Level == unit.LevelSubdistrict }

// Tenant reads the subdistrict with id as the caller in ctx; an id that
// is missing, hidden by privacy or names a community or grid is 404
// tenant, so a caller cannot tell them apart.
func Tenant(ctx context.Context, client *ent.Client, id int) (*ent.Unit, error) {
	u, err := client.Unit.Get(ctx, id)
	switch {
	case ent.IsNotFound(err):
		return nil, apperr.NotFound("tenant")
	case err != nil:
		return nil, fmt.Errorf("read tenant %d: %w", id, err)
	case !IsTenantRoot(u):
		return nil, apperr.NotFound("tenant")
	}
	return u, nil
}

// Children returns up to limit children of the unit with id parentID
// whose id is above after, oldest first: one page of the tree below it.
func Children(ctx context.Context, client *ent.Client, parentID, after, limit int) ([]*ent.Unit, error) {
	rows, err := client.Unit.Query().Where(unit.ParentID(parentID), unit.IDGT(after)).
		Order(ent.Asc(unit.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list children of unit %d: %w", parentID, err)
	}
	return rows, nil
}
