package session

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/predicate"
	"yishi/ent/refreshtoken"
	"yishi/internal/viewer"
)

// revokePasses bounds the re-runs of a revocation. A rotation that commits
// while the revocation waits on its row lock inserts a token the first
// pass cannot see (PostgreSQL READ COMMITTED); the next pass catches it.
const revokePasses = 4

// Revoke logs out: it revokes the whole family of raw. It is idempotent and
// returns nil for unknown, expired or already revoked tokens, so logout
// never fails on a stale client and reveals nothing about the token.
func (s *Sessions) Revoke(ctx context.Context, raw string) error {
	ctx = viewer.SystemContext(ctx)
	tok, err := s.client.RefreshToken.Query().Where(refreshtoken.TokenHash(hashRaw(raw))).Only(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("revoke refresh token: %w", err)
	}
	if err := s.revokeAll(ctx, refreshtoken.Family(tok.Family)); err != nil {
		return fmt.Errorf("revoke refresh token: %w", err)
	}
	return nil
}

// RevokeUser revokes every refresh token of userID, e.g. after a password
// change or when an account is suspended. Access tokens already issued stay
// valid until they expire, which is why they are short-lived.
func (s *Sessions) RevokeUser(ctx context.Context, userID int) error {
	ctx = viewer.SystemContext(ctx)
	if err := s.revokeAll(ctx, refreshtoken.UserID(userID)); err != nil {
		return fmt.Errorf("revoke user sessions: %w", err)
	}
	return nil
}

// RevokeUserExcept revokes every refresh token of userID except the family
// of keep (the session that changed the password), when keep is a live
// token of that user; otherwise it revokes them all.
func (s *Sessions) RevokeUserExcept(ctx context.Context, userID int, keep string) error {
	ctx = viewer.SystemContext(ctx)
	p := refreshtoken.UserID(userID)
	if keep != "" {
		tok, err := s.client.RefreshToken.Query().
			Where(refreshtoken.TokenHash(hashRaw(keep)), refreshtoken.UserID(userID)).Only(ctx)
		if err != nil && !ent.IsNotFound(err) {
			return fmt.Errorf("revoke other sessions: %w", err)
		}
		if tok != nil {
			p = refreshtoken.And(p, refreshtoken.FamilyNEQ(tok.Family))
		}
	}
	if err := s.revokeAll(ctx, p); err != nil {
		return fmt.Errorf("revoke other sessions: %w", err)
	}
	return nil
}

// revokeAll revokes the tokens matching p, repeating until a pass finds
// nothing left so that a concurrently rotated token is not missed.
func (s *Sessions) revokeAll(ctx context.Context, p predicate.RefreshToken) error {
	for range revokePasses {
		n, err := revokeWhere(ctx, s.client.RefreshToken, s.clock(), p)
		if err != nil || n == 0 {
			return err
		}
	}
	return nil
}

// revokeWhere sets revoked_at on the live tokens matching p and returns
// how many it changed.
func revokeWhere(ctx context.Context, rc *ent.RefreshTokenClient, now time.Time, p predicate.RefreshToken) (int, error) {
	n, err := rc.Update().Where(p, refreshtoken.RevokedAtIsNil()).SetRevokedAt(now).Save(ctx)
	if err != nil {
		return 0, fmt.Errorf("revoke tokens: %w", err)
	}
	return n, nil
}

// PurgeExpired deletes tokens that expired more than grace ago, so the
// table does not grow forever; a background worker calls it. Expired
// tokens are refused anyway, so deleting them loses nothing but history.
func (s *Sessions) PurgeExpired(ctx context.Context, grace time.Duration) (int, error) {
	ctx = viewer.SystemContext(ctx)
	n, err := s.client.RefreshToken.Delete().
		Where(refreshtoken.ExpiresAtLT(s.clock().Add(-grace))).
		Exec(ctx)
	if err != nil {
		return 0, fmt.Errorf("purge expired refresh tokens: %w", err)
	}
	return n, nil
}
