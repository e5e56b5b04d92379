package organizations

import (
	"context"
	"fmt"

	"yishi/ent"
)

// Get reads the organization with id as the caller in ctx: privacy hides a row the
// caller may not see, which then answers like a missing one (ent's not
// found). It is the route loader's read, so access is decided on the row.
func Get(ctx context.Context, client *ent.Client, id int) (*ent.Organization, error) {
	row, err := client.Organization.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read organization %d: %w", id, err)
	}
	return row, nil
}
