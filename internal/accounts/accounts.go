// Package accounts registers users and checks their passwords. Lookups by
// phone happen before anyone is authenticated, so they run under the
// system context; nothing here returns another user's data to a caller.
package accounts

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/user"
	"yishi/internal/apperr"
	"yishi/internal/password"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// ErrBadCredentials is returned for an unknown phone and for a wrong
// password alike, after the same amount of work.
var ErrBadCredentials = apperr.Unauthorized("the phone or password is wrong")

// ErrPhoneTaken is Register's answer for a phone that already has an
// account. The API does not pass it on (issue 15): registration answers
// alike for new and taken phones, so it cannot be used to learn who uses
// the platform. It stays a 409 for callers that do show it.
var ErrPhoneTaken = apperr.Conflict("user.phone_taken", "this phone is already registered")

// NewUser is a registration. NoticeVersion and ConsentedAt record the
// privacy notice the person accepted (empty for the bootstrap admin and
// fixtures created directly).
type NewUser struct {
	Phone         string
	Password      string
	Name          string
	NoticeVersion string
	ConsentedAt   *time.Time
	// Then runs in the registration's transaction once the user exists:
	// claiming the invitations of the phone (members.ClaimInvitations).
	Then func(ctx context.Context, tx *ent.Tx, u *ent.User) error
}

// Register creates a user with an argon2id password hash.
func Register(ctx context.Context, client *ent.Client, h password.Hasher, in NewUser) (*ent.User, error) {
	hash, err := h.Hash(in.Password)
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	sys := viewer.SystemContext(ctx)
	var u *ent.User
	err = store.WithTx(sys, client, func(tx *ent.Tx) error {
		var err error
		if u, err = createUser(ctx, tx.User, in, hash); err != nil || in.Then == nil {
			return err
		}
		return in.Then(sys, tx, u)
	})
	if ent.IsConstraintError(err) {
		return nil, ErrPhoneTaken
	}
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	return u, nil
}

// createUser inserts the user row; a taken phone is a constraint error.
func createUser(ctx context.Context, uc *ent.UserClient, in NewUser, hash string) (*ent.User, error) {
	return uc.Create().
		SetPhone(in.Phone).SetName(strings.TrimSpace(in.Name)).SetPasswordHash(hash).
		SetPrivacyNoticeVersion(in.NoticeVersion).SetNillablePrivacyConsentedAt(in.ConsentedAt).
		Save(viewer.SystemContext(ctx))
}

// Authenticate returns the active user with phone and password. An
// unknown phone still costs one argon2id verification, so response time
// does not reveal which phones are registered.
func Authenticate(ctx context.Context, client *ent.Client, h password.Hasher, phone, pw string) (*ent.User, error) {
	u, err := client.User.Query().Where(user.Phone(phone)).Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) {
		if err := h.VerifyDummy(pw); err != nil {
			return nil, fmt.Errorf("authenticate: %w", err)
		}
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, fmt.Errorf("authenticate: %w", err)
	}
	if u.Status == user.StatusDeleted {
		// Its placeholder phone is no mobile number, but nobody may sign
		// in to a deleted account whatever they type.
		if err := h.VerifyDummy(pw); err != nil {
			return nil, fmt.Errorf("authenticate: %w", err)
		}
		return nil, ErrBadCredentials
	}
	ok, err := h.Verify(u.PasswordHash, pw)
	if err != nil {
		return nil, fmt.Errorf("authenticate: %w", err)
	}
	if !ok || u.Status != user.StatusActive {
		return nil, ErrBadCredentials
	}
	return u, nil
}

// Active returns the user with id if it exists and is active; refresh uses
// it so a disabled account cannot mint new tokens.
func Active(ctx context.Context, client *ent.Client, id int) (*ent.User, error) {
	u, err := client.User.Get(viewer.SystemContext(ctx), id)
	if ent.IsNotFound(err) || (err == nil && u.Status != user.StatusActive) {
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, fmt.Errorf("load user: %w", err)
	}
	return u, nil
}
