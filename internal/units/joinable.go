package units

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/unit"
	"yishi/internal/viewer"
)

// Joinable returns the community or grid with id that a person may ask
// to join, read as the system because a newcomer has no scope yet; the
// caller decides whether the person may know the tenant (members.Admissible)
// and answers 404 otherwise. A subdistrict or a missing id is not found.
func Joinable(ctx context.Context, client *ent.Client, id int) (*ent.Unit, error) {
	u, err := client.Unit.Query().Where(unit.ID(id), unit.LevelNEQ(unit.LevelSubdistrict),
		unit.StatusEQ(unit.StatusActive)).Only(viewer.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("read joinable unit %d: %w", id, err)
	}
	return u, nil
}
