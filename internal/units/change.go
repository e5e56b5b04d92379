package units

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/unit"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// Patch is a rename or recode of a unit (PATCH /v1/units/{id}); nil
// fields keep their value. The path, level and parent never change, so
// every row that copied the unit's path stays where it is.
type Patch struct {
	Name *string
	Code *string
}

// Update renames or recodes u. A code another sibling (or, for a
// subdistrict, another tenant) holds is 409 unit.code_taken.
func Update(ctx context.Context, tx *ent.Tx, u *ent.Unit, p Patch) (*ent.Unit, error) {
	up := tx.Unit.UpdateOne(u)
	if p.Name != nil {
		up.SetName(strings.TrimSpace(*p.Name))
	}
	if p.Code != nil {
		up.SetCode(*p.Code)
	}
	out, err := up.Save(ctx)
	if ent.IsConstraintError(err) && p.Code != nil {
		return nil, apperr.Conflict("unit.code_taken", fmt.Sprintf("code %q is already used at this level", *p.Code))
	}
	if err != nil {
		return nil, fmt.Errorf("update unit %d: %w", u.ID, err)
	}
	return out, nil
}

// SetArchived archives u at now (archived true) or restores it. Archiving
// twice, or restoring an active unit, is 409 so a client learns its view
// was stale.
func SetArchived(ctx context.Context, tx *ent.Tx, u *ent.Unit, archived bool, now time.Time) (*ent.Unit, error) {
	switch {
	case archived && u.ArchivedAt != nil:
		return nil, apperr.Conflict("unit.archived", "the unit is already archived")
	case !archived && u.ArchivedAt == nil:
		return nil, apperr.Conflict("unit.not_archived", "the unit is not archived")
	}
	up := tx.Unit.UpdateOne(u)
	if archived {
		up.SetArchivedAt(now.UTC())
	} else {
		up.ClearArchivedAt()
	}
	out, err := up.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("archive unit %d: %w", u.ID, err)
	}
	return out, nil
}

// AncestorPaths lists path and every path above it, root first
// ("s1/c4/g9/" → "s1/", "s1/c4/", "s1/c4/g9/").
func AncestorPaths(path string) []string {
	var out []string
	for i := 0; i < len(path); i++ {
		if path[i] == '/' {
			out = append(out, path[:i+1])
		}
	}
	return out
}

// ErrArchived is the answer to a new proposal in an archived unit.
func ErrArchived() error {
	return apperr.Conflict("unit.archived", "the unit or a unit above it is archived: it takes no new proposals")
}

// CheckOpen refuses (409 unit.archived) when the unit at path or any unit
// above it is archived. Ancestors may lie outside the caller's scope, so
// this is a system read of those units' archive stamps only.
func CheckOpen(ctx context.Context, client *ent.Client, path string) error {
	archived, err := client.Unit.Query().
		Where(unit.PathIn(AncestorPaths(path)...), unit.ArchivedAtNotNil()).
		Exist(viewer.SystemContext(ctx))
	if err != nil {
		return fmt.Errorf("check archived units above %s: %w", path, err)
	}
	if archived {
		return ErrArchived()
	}
	return nil
}
