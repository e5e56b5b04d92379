package accounts

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/internal/password"
	"yishi/internal/viewer"
)

// ErrWrongPassword is the answer to a wrong current password when the
// signed-in person changes their password or deletes their account. It
// names the field, unlike ErrBadCredentials: the caller is known.
var ErrWrongPassword = ErrBadCredentials

// CheckPassword verifies pw against the active user id's password.
func CheckPassword(ctx context.Context, client *ent.Client, h password.Hasher, id int, pw string) (*ent.User, error) {
	u, err := Active(ctx, client, id)
	if err != nil {
		return nil, err
	}
	ok, err := h.Verify(u.PasswordHash, pw)
	if err != nil {
		return nil, fmt.Errorf("check password: %w", err)
	}
	if !ok {
		return nil, ErrBadCredentials
	}
	return u, nil
}

// SetPassword stores a new argon2id hash of pw for u.
func SetPassword(ctx context.Context, client *ent.Client, h password.Hasher, u *ent.User, pw string) error {
	hash, err := h.Hash(pw)
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	if err := client.User.UpdateOne(u).SetPasswordHash(hash).Exec(viewer.SystemContext(ctx)); err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// Rename changes the signed-in user's display name; the user privacy
// policy lets a user update only their own row.
func Rename(ctx context.Context, client *ent.Client, id int, name string) (*ent.User, error) {
	u, err := client.User.UpdateOneID(id).SetName(strings.TrimSpace(name)).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("rename user %d: %w", id, err)
	}
	return u, nil
}
