package units

import (
	"fmt"
	"strings"

	"yishi/ent/unit"
)

// TenantPath is the materialized path of the subdistrict with the given id
// (create gives a tenant root the path "s<id>/"). Tenant-wide reference
// data, such as the proposal lists, is authorized against this path without
// reading the unit, which a community-level caller cannot see.
func TenantPath(tenantID int) string {
	return fmt.Sprintf("%s%d/", levelPrefix(unit.LevelSubdistrict), tenantID)
}

// TenantPathOf cuts a unit path to its tenant root ("s1/c4/g9/" → "s1/"),
// so tenant-wide access needs no read of the unit; "" stays "".
func TenantPathOf(path string) string {
	if i := strings.IndexByte(path, '/'); i >= 0 {
		return path[:i+1]
	}
	return path
}
