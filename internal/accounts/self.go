package accounts

import (
	"context"
	"fmt"

	"yishi/ent"
)

// Self reads the signed-in user with id as themselves (privacy applies,
// unlike the pre-authentication lookups above): /v1/me shows it.
func Self(ctx context.Context, client *ent.Client, id int) (*ent.User, error) {
	u, err := client.User.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read user %d: %w", id, err)
	}
	return u, nil
}
