package session

import (
	"context"
	"errors"
	"fmt"

	"yishi/ent"
	"yishi/ent/refreshtoken"
	"yishi/internal/viewer"
)

// Rotate exchanges raw for a new token of the same family and returns the
// user it belongs to. It runs in one transaction. Presenting a used token
// revokes the family, commits that revocation and returns
// ErrRefreshReused. Two concurrent rotations of one token cannot both
// succeed: the loser looks exactly like a replay, so it also revokes the
// family; clients must therefore serialize their refresh calls.
func (s *Sessions) Rotate(ctx context.Context, raw string) (userID int, newRaw string, err error) {
	ctx = viewer.SystemContext(ctx)
	tx, err := s.client.Tx(ctx)
	if err != nil {
		return 0, "", fmt.Errorf("rotate refresh token: begin: %w", err)
	}
	userID, newRaw, err = s.rotateTx(ctx, tx, hashRaw(raw))
	if err != nil && !errors.Is(err, ErrRefreshReused) {
		if rerr := tx.Rollback(); rerr != nil {
			err = errors.Join(err, fmt.Errorf("rollback: %w", rerr))
		}
		return 0, "", fmt.Errorf("rotate refresh token: %w", err)
	}
	if cerr := tx.Commit(); cerr != nil {
		return 0, "", fmt.Errorf("rotate refresh token: commit: %w", cerr)
	}
	if err != nil {
		return 0, "", fmt.Errorf("rotate refresh token: %w", err)
	}
	return userID, newRaw, nil
}

// rotateTx is the body of Rotate. It returns ErrRefreshReused only after
// revoking the family in tx, which the caller then commits.
func (s *Sessions) rotateTx(ctx context.Context, tx *ent.Tx, hash string) (int, string, error) {
	now := s.clock()
	tok, err := tx.RefreshToken.Query().Where(refreshtoken.TokenHash(hash)).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return 0, "", ErrInvalidRefresh
	case err != nil:
		return 0, "", fmt.Errorf("find token: %w", err)
	case tok.RevokedAt != nil:
		return 0, "", ErrInvalidRefresh
	case tok.UsedAt != nil:
		return 0, "", s.revokeReused(ctx, tx, tok.Family)
	case !now.Before(tok.ExpiresAt):
		return 0, "", ErrInvalidRefresh
	}
	// The conditional update is the race guard: only one transaction can
	// move used_at from NULL, whatever the isolation level.
	n, err := tx.RefreshToken.Update().
		Where(refreshtoken.ID(tok.ID), refreshtoken.UsedAtIsNil(), refreshtoken.RevokedAtIsNil()).
		SetUsedAt(now).
		Save(ctx)
	if err != nil {
		return 0, "", fmt.Errorf("mark token used: %w", err)
	}
	if n == 0 {
		return 0, "", s.revokeReused(ctx, tx, tok.Family)
	}
	raw, err := createToken(ctx, tx.RefreshToken, tok.UserID, tok.Family, now, s.ttl)
	if err != nil {
		return 0, "", err
	}
	return tok.UserID, raw, nil
}

// revokeReused revokes family after a replay and returns ErrRefreshReused,
// or the database error that prevented the revocation.
func (s *Sessions) revokeReused(ctx context.Context, tx *ent.Tx, family string) error {
	if _, err := revokeWhere(ctx, tx.RefreshToken, s.clock(), refreshtoken.Family(family)); err != nil {
		return fmt.Errorf("revoke reused family: %w", err)
	}
	return ErrRefreshReused
}
