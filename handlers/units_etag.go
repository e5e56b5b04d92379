package handlers

import (
	"fmt"
	"hash/fnv"

	"yishi/ent"
	"yishi/internal/apperr"
)

// unitETag is the entity tag of a unit's editable state (name, code,
// status, archive stamp) and updated_at, so PATCH /v1/units/{id} can
// refuse an edit made on a stale read.
func unitETag(u *ent.Unit) string {
	h := fnv.New64a()
	archived := int64(0)
	if u.ArchivedAt != nil {
		archived = u.ArchivedAt.UnixMicro()
	}
	fmt.Fprintf(h, "%d\x00%d\x00%s\x00%s\x00%s\x00%d", u.ID, u.UpdatedAt.UnixMicro(), u.Name, u.Code, u.Status, archived)
	return fmt.Sprintf(`"%016x"`, h.Sum64())
}

// errUnitStale answers an If-Match that names an older unit.
func errUnitStale() error {
	return apperr.New(apperr.KindPreconditionFailed, "unit.stale",
		"the unit changed since it was read; read it again and reapply the change")
}

// errTenantSuspended answers every caller whose only tenant is suspended.
func errTenantSuspended() error {
	return apperr.New(apperr.KindForbidden, "tenant.suspended",
		"your subdistrict's account is suspended by the platform operator; nothing was deleted")
}
