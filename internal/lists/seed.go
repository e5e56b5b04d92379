package lists

import (
	"context"
	"fmt"

	"yishi/ent"
)

// SeedDefaults gives a new tenant the default guidebook (Defaults), owned
// by the subdistrict itself, in one bulk insert inside the transaction that
// creates the tenant, so no tenant ever exists without lists. Positions
// follow list order within each kind.
func SeedDefaults(ctx context.Context, tx *ent.Tx, tenant *ent.Unit) error {
	defaults := Defaults()
	position := map[string]int{}
	builders := make([]*ent.ListItemCreate, 0, len(defaults))
	for _, d := range defaults {
		position[string(d.Kind)]++
		builders = append(builders, tx.ListItem.Create().
			SetTenantID(tenant.ID).SetUnitID(tenant.ID).SetUnitPath(tenant.Path).
			SetKind(d.Kind).SetCode(d.Code).SetTitle(d.Title).SetTitleEn(d.TitleEn).
			SetDescription(d.Description).SetKeywords(d.Keywords).SetPosition(position[string(d.Kind)]))
	}
	if err := tx.ListItem.CreateBulk(builders...).Exec(ctx); err != nil {
		return fmt.Errorf("seed default lists: %w", err)
	}
	return nil
}
