package lists

import (
	"context"
	"fmt"

	"yishi/ent"
)

// Get reads the guidebook item with id as the caller in ctx. Privacy lets
// everyone with a role in the item's tenant read it (the subdistrict owns
// it; its communities and grids use it) and hides it from everyone else,
// who then gets ent's not found.
func Get(ctx context.Context, client *ent.Client, id int) (*ent.ListItem, error) {
	it, err := client.ListItem.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read list item %d: %w", id, err)
	}
	return it, nil
}
