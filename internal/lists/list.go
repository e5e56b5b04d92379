package lists

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/predicate"
	"yishi/internal/viewer"
)

// Filter narrows a tenant's items; "" leaves a field unfiltered. The HTTP
// layer validates both with ValidateKind and ValidateStatus first.
type Filter struct {
	Kind   string
	Status string
}

// List returns up to limit items of the tenant matching f whose id is
// above after, ordered by id: one page of the guidebook.
//
// It reads as the caller: privacy lets everyone with a role in the tenant
// read its guidebook (the subdistrict owns the rows; its communities and
// grids use them). The route has authorized list_item:read in the tenant.
func List(ctx context.Context, client *ent.Client, tenantID int, f Filter, after, limit int) ([]*ent.ListItem, error) {
	where := []predicate.ListItem{listitem.TenantID(tenantID), listitem.IDGT(after)}
	if f.Kind != "" {
		where = append(where, listitem.KindEQ(listitem.Kind(f.Kind)))
	}
	if f.Status != "" {
		where = append(where, listitem.StatusEQ(listitem.Status(f.Status)))
	}
	rows, err := client.ListItem.Query().Where(where...).Order(ent.Asc(listitem.FieldID)).Limit(limit).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list items of tenant %d: %w", tenantID, err)
	}
	return rows, nil
}

// KindOf is the item kind named s, which ValidateKind has accepted.
func KindOf(s string) listitem.Kind { return listitem.Kind(s) }

// StatusOf is the item status named s, which ValidateStatus has accepted,
// as a Patch takes it.
func StatusOf(s string) *listitem.Status {
	st := listitem.Status(s)
	return &st
}

// SeedNewTenant is SeedDefaults for a tenant being created through the
// API. The platform admin creating it holds no scope inside it yet, so the
// rows are written as the system; tenant:create was authorized before.
func SeedNewTenant(ctx context.Context, tx *ent.Tx, tenant *ent.Unit) error {
	return SeedDefaults(viewer.SystemContext(ctx), tx, tenant)
}
