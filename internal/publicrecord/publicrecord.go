// Package publicrecord is a tenant's record as anyone may read it, without
// signing in, once the tenant publishes it: its resolved and in-progress
// proposals, the results of its closed votes and its aggregate statistics.
// Everything here is a projection that carries no personal data at all: no
// author, no phone, no body text, no comment, no name of a resident. Reads
// run as viewer.PublicReader of the tenant, so ent privacy keeps them
// inside that one tenant's tree.
package publicrecord

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
	"yishi/ent/unit"
	"yishi/internal/apperr"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// InProgress are the statuses of proposals being worked on.
func InProgress() []string { return []string{"accepted", "deliberating", "approved", "implementing"} }

// Resolved are the statuses of proposals whose work is done.
func Resolved() []string { return []string{"completed", "closed"} }

// Statuses are every status the public record shows.
func Statuses() []string { return append(InProgress(), Resolved()...) }

// IsPublicStatus reports whether a proposal in status appears publicly.
func IsPublicStatus(status string) bool { return slices.Contains(Statuses(), status) }

// Tenant finds the tenant whose code is code and which publishes its
// record; an unknown code and an unpublished tenant are the same 404.
// The lookup runs before any viewer exists (the code is the only thing a
// public caller names), so it reads the tenant roots as the system, and
// only their id, path, code, name and flag.
func Tenant(ctx context.Context, client *ent.Client, code string) (*ent.Unit, error) {
	if units.ValidateCode(code) != "" {
		// Not a code any tenant can have (PostgreSQL refuses NUL and
		// invalid UTF-8 outright): the same 404 as an unknown one.
		return nil, apperr.NotFound("tenant")
	}
	u, err := client.Unit.Query().
		Where(unit.LevelEQ(unit.LevelSubdistrict), unit.Code(code), unit.PublicRecord(true)).
		Select(unit.FieldID, unit.FieldPath, unit.FieldCode, unit.FieldName, unit.FieldPublicRecord, unit.FieldTenantID).
		Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) || ent.IsNotSingular(err) {
		return nil, apperr.NotFound("tenant")
	}
	if err != nil {
		return nil, fmt.Errorf("public record: find tenant %q: %w", code, err)
	}
	return u, nil
}

// Reader returns ctx as the public reader of tenant.
func Reader(ctx context.Context, tenant *ent.Unit) context.Context {
	return viewer.NewContext(ctx, viewer.PublicReader(tenant.Path))
}

// Set publishes (enabled) or withdraws the tenant's record through tx.
func Set(ctx context.Context, tx *ent.Tx, tenant *ent.Unit, enabled bool) (*ent.Unit, error) {
	u, err := tx.Unit.UpdateOne(tenant).SetPublicRecord(enabled).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("public record: set %v on tenant %d: %w", enabled, tenant.ID, err)
	}
	return u, nil
}
