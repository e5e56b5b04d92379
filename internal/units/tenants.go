package units

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/unit"
	"yishi/internal/apperr"
)

// Tenants lists the subdistricts (tenant roots) after the id after, at
// most limit, for the platform administrator; status "" lists all.
func Tenants(ctx context.Context, client *ent.Client, status string, after, limit int) ([]*ent.Unit, error) {
	q := client.Unit.Query().Where(unit.ParentIDIsNil(), unit.IDGT(after))
	if status != "" {
		q.Where(unit.StatusEQ(unit.Status(status)))
	}
	rows, err := q.Order(ent.Asc(unit.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list tenants: %w", err)
	}
	return rows, nil
}

// ValidTenantStatus reports whether s filters tenants.
func ValidTenantStatus(s string) bool { return unit.StatusValidator(unit.Status(s)) == nil }

// SetSuspended suspends or unsuspends the tenant root t inside tx. The
// caller bumps the policy version in the same tx, so every instance
// learns the change the way it learns a revoked role. Suspending twice
// (or unsuspending an active tenant) is 409.
func SetSuspended(ctx context.Context, tx *ent.Tx, t *ent.Unit, suspended bool) (*ent.Unit, error) {
	want := unit.StatusActive
	if suspended {
		want = unit.StatusSuspended
	}
	if t.Status == want {
		return nil, apperr.Conflict("tenant.status_unchanged", fmt.Sprintf("the tenant is already %s", want))
	}
	out, err := tx.Unit.UpdateOne(t).SetStatus(want).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("set tenant %d %s: %w", t.ID, want, err)
	}
	return out, nil
}

// SuspendedPaths lists the paths of every suspended tenant root. ctx must
// be a system context: the access layer reads it for every caller.
func SuspendedPaths(ctx context.Context, client *ent.Client) ([]string, error) {
	paths, err := client.Unit.Query().Where(unit.ParentIDIsNil(), unit.StatusEQ(unit.StatusSuspended)).
		Select(unit.FieldPath).Strings(ctx)
	if err != nil {
		return nil, fmt.Errorf("list suspended tenants: %w", err)
	}
	return paths, nil
}
