package units

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/internal/viewer"
)

// Get reads the unit with id as the caller in ctx: privacy hides a row the
// caller may not see, which then answers like a missing one (ent's not
// found). It is the route loader's read, so access is decided on the row.
func Get(ctx context.Context, client *ent.Client, id int) (*ent.Unit, error) {
	row, err := client.Unit.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read unit %d: %w", id, err)
	}
	return row, nil
}

// GetInCommunity reads the unit with id for a community-wide rule: besides
// the caller's subtrees, privacy admits the tenant roots and the whole
// communities the caller's scopes lie in (viewer.WithCommunityReach), so a
// grid resident reaches their community's unit. A unit beyond that answers
// like a missing one.
func GetInCommunity(ctx context.Context, client *ent.Client, id int) (*ent.Unit, error) {
	return Get(viewer.WithCommunityReach(ctx), client, id)
}
