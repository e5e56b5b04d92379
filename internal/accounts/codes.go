package accounts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"math/big"
	"time"

	"yishi/ent"
	"yishi/ent/onetimecode"
	"yishi/ent/user"
	"yishi/internal/apperr"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// Code rules (issue 11): six digits, ten minutes, five tries, one use.
const (
	CodeTTL      = 10 * time.Minute
	CodeTries    = 5
	codeDigits   = 6
	PurposeReg   = "register"
	PurposeReset = "reset"
)

// ErrBadCode is the one answer for a wrong, expired, used or exhausted
// code, for a phone that received none, and for a registration of a taken
// phone or a reset of an unknown one: all read alike, so neither codes
// nor registration reveal which phones use the platform.
var ErrBadCode = &apperr.Error{Kind: apperr.KindInvalid, Code: "code.invalid",
	Detail: "the code is wrong, expired or already used; request a new one",
	Fields: []apperr.FieldError{{Field: "code", Message: "is wrong, expired or already used"}}}

// IssuedCode is a fresh code and whether it should be delivered: a
// register code for a taken phone and a reset code for an unknown one are
// stored like any other (the same work, so timing reveals nothing) but
// never sent.
type IssuedCode struct {
	Code      string
	ExpiresAt time.Time
	Deliver   bool
}

// IssueCode stores a new code for phone and purpose, retiring any earlier
// live one, so only the newest code works.
func IssueCode(ctx context.Context, client *ent.Client, phone, purpose string, now time.Time) (IssuedCode, error) {
	ctx = viewer.SystemContext(ctx)
	code, err := randomCode()
	if err != nil {
		return IssuedCode{}, err
	}
	salt, err := randomHex(16)
	if err != nil {
		return IssuedCode{}, err
	}
	known, err := client.User.Query().Where(user.Phone(phone)).Exist(ctx)
	if err != nil {
		return IssuedCode{}, fmt.Errorf("issue code: %w", err)
	}
	out := IssuedCode{Code: code, ExpiresAt: now.Add(CodeTTL), Deliver: known == (purpose == PurposeReset)}
	p := onetimecode.Purpose(purpose)
	err = store.WithTx(ctx, client, func(tx *ent.Tx) error {
		if _, err := tx.OneTimeCode.Update().Where(onetimecode.Phone(phone), onetimecode.PurposeEQ(p),
			onetimecode.UsedAtIsNil()).SetUsedAt(now).Save(ctx); err != nil {
			return err
		}
		return tx.OneTimeCode.Create().SetPhone(phone).SetPurpose(p).SetSalt(salt).
			SetCodeHash(hashCode(salt, code)).SetCreatedAt(now).SetExpiresAt(out.ExpiresAt).Exec(ctx)
	})
	if err != nil {
		return IssuedCode{}, fmt.Errorf("issue code: %w", err)
	}
	return out, nil
}

// CheckCode finds the live code of phone and purpose and compares code
// with it, spending one try when it is wrong. It does not use the code up:
// ConsumeCode does, in the transaction of the change the code allows.
func CheckCode(ctx context.Context, client *ent.Client, phone, purpose, code string, now time.Time) (int, error) {
	ctx = viewer.SystemContext(ctx)
	c, err := client.OneTimeCode.Query().Where(onetimecode.Phone(phone),
		onetimecode.PurposeEQ(onetimecode.Purpose(purpose)), onetimecode.UsedAtIsNil(),
		onetimecode.ExpiresAtGT(now), onetimecode.AttemptsLT(CodeTries)).
		Order(ent.Desc(onetimecode.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return 0, ErrBadCode
	}
	if err != nil {
		return 0, fmt.Errorf("check code: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(hashCode(c.Salt, code)), []byte(c.CodeHash)) == 1 {
		return c.ID, nil
	}
	if _, err := client.OneTimeCode.Update().Where(onetimecode.ID(c.ID), onetimecode.AttemptsLT(CodeTries)).
		AddAttempts(1).Save(ctx); err != nil {
		return 0, fmt.Errorf("check code: %w", err)
	}
	return 0, ErrBadCode
}

// ConsumeCode uses code id up inside tx; of two requests racing with the
// same code exactly one succeeds, the other gets ErrBadCode.
func ConsumeCode(ctx context.Context, tx *ent.Tx, id int, now time.Time) error {
	n, err := tx.OneTimeCode.Update().Where(onetimecode.ID(id), onetimecode.UsedAtIsNil(),
		onetimecode.ExpiresAtGT(now), onetimecode.AttemptsLT(CodeTries)).
		SetUsedAt(now).Save(viewer.SystemContext(ctx))
	if err != nil {
		return fmt.Errorf("consume code: %w", err)
	}
	if n != 1 {
		return ErrBadCode
	}
	return nil
}

// PurgeCodes deletes codes that expired before before; an hourly job
// keeps the table small, since a dead code is worth nothing.
func PurgeCodes(ctx context.Context, client *ent.Client, before time.Time) (int, error) {
	n, err := client.OneTimeCode.Delete().Where(onetimecode.ExpiresAtLT(before)).Exec(viewer.SystemContext(ctx))
	if err != nil {
		return 0, fmt.Errorf("purge codes: %w", err)
	}
	return n, nil
}

// hashCode is the stored form of a code. A million codes are quickly
// tried against a leaked hash, which is why codes also expire in ten
// minutes and die after five tries; the salt keeps equal codes apart.
func hashCode(salt, code string) string {
	sum := sha256.Sum256([]byte(salt + ":" + code))
	return hex.EncodeToString(sum[:])
}

func randomCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("random code: %w", err)
	}
	return fmt.Sprintf("%0*d", codeDigits, n.Int64()), nil
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random: %w", err)
	}
	return hex.EncodeToString(b), nil
}
