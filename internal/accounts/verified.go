package accounts

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/user"
	"yishi/internal/password"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// RegisterWithCode creates the account of in.Phone once code proves the
// phone is held (issue 11). A taken phone fails exactly like a wrong code
// (ErrBadCode): no register code is ever delivered to a taken phone, and
// the rare race that registers it meanwhile rolls the code back.
func RegisterWithCode(ctx context.Context, client *ent.Client, h password.Hasher, in NewUser, code string, now time.Time) (*ent.User, error) {
	id, err := CheckCode(ctx, client, in.Phone, PurposeReg, code, now)
	if err != nil {
		return nil, err
	}
	hash, err := h.Hash(in.Password)
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	var u *ent.User
	err = store.WithTx(ctx, client, func(tx *ent.Tx) error {
		if err := ConsumeCode(ctx, tx, id, now); err != nil {
			return err
		}
		u, err = createUser(ctx, tx.User, in, hash)
		if ent.IsConstraintError(err) {
			return ErrBadCode
		}
		if err != nil || in.Then == nil {
			return err
		}
		return in.Then(viewer.SystemContext(ctx), tx, u)
	})
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	return u, nil
}

// ResetPassword sets the password of phone's account once code proves the
// phone is held, and returns the user so the caller revokes every session.
// An unknown phone never receives a reset code, so it fails like a wrong
// one.
func ResetPassword(ctx context.Context, client *ent.Client, h password.Hasher, phone, code, pw string, now time.Time) (*ent.User, error) {
	id, err := CheckCode(ctx, client, phone, PurposeReset, code, now)
	if err != nil {
		return nil, err
	}
	hash, err := h.Hash(pw)
	if err != nil {
		return nil, fmt.Errorf("reset password: %w", err)
	}
	sys := viewer.SystemContext(ctx)
	var u *ent.User
	err = store.WithTx(ctx, client, func(tx *ent.Tx) error {
		if err := ConsumeCode(ctx, tx, id, now); err != nil {
			return err
		}
		u, err = tx.User.Query().Where(user.Phone(phone), user.StatusEQ(user.StatusActive)).Only(sys)
		if ent.IsNotFound(err) {
			return ErrBadCode
		}
		if err != nil {
			return err
		}
		return tx.User.UpdateOne(u).SetPasswordHash(hash).Exec(sys)
	})
	if err != nil {
		return nil, fmt.Errorf("reset password: %w", err)
	}
	return u, nil
}
