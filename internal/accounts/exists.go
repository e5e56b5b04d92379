package accounts

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/user"
)

// Exists reports whether id names a user: a grant or a membership for
// nobody is refused as a field error before anything is written.
func Exists(ctx context.Context, client *ent.Client, id int) (bool, error) {
	ok, err := client.User.Query().Where(user.ID(id)).Exist(ctx)
	if err != nil {
		return false, fmt.Errorf("check user %d: %w", id, err)
	}
	return ok, nil
}
