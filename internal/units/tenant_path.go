package units

import (
	"fmt"

	"yishi/ent/unit"
)

// TenantPath is the materialized path of the subdistrict with the given id
// (create gives a tenant root the path "s<id>/"). Tenant-wide reference
// data, such as the proposal lists, is authorized against this path without
// reading the unit, which a community-level caller cannot see.
func TenantPath(tenantID int) string {
	return fmt.Sprintf("%s%d/", levelPrefix(unit.LevelSubdistrict), tenantID)
}
