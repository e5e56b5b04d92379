package lists

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/listitem"
)

// ActiveForTenant returns the tenant's active items in list order, the
// input Screen needs when a proposal is submitted. It reads with the
// caller's ctx, so privacy applies: anyone with a role in the tenant reads
// its guidebook, and nobody else.
func ActiveForTenant(ctx context.Context, client *ent.Client, tenantID int) ([]*ent.ListItem, error) {
	items, err := client.ListItem.Query().
		Where(listitem.TenantID(tenantID), listitem.StatusEQ(listitem.StatusActive)).
		Order(ent.Asc(listitem.FieldKind), ent.Asc(listitem.FieldPosition), ent.Asc(listitem.FieldCode)).
		All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read active lists: %w", err)
	}
	return items, nil
}
