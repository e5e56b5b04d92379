package session

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/internal/viewer"
)

const (
	tokenBytes  = 32 // 256 bits of refresh token
	familyBytes = 16 // 128 bits of family id
)

// Issue starts a new login for userID (a new family) and returns its raw
// refresh token, the only time the raw value exists.
func (s *Sessions) Issue(ctx context.Context, userID int) (string, error) {
	family, err := newRaw(familyBytes)
	if err != nil {
		return "", fmt.Errorf("issue refresh token: %w", err)
	}
	raw, err := createToken(viewer.SystemContext(ctx), s.client.RefreshToken, userID, family, s.clock(), s.ttl)
	if err != nil {
		return "", fmt.Errorf("issue refresh token: %w", err)
	}
	return raw, nil
}

// createToken stores a new token of family and returns its raw value. It
// takes the RefreshToken client so it works inside and outside a Tx.
func createToken(ctx context.Context, rc *ent.RefreshTokenClient, userID int, family string, now time.Time, ttl time.Duration) (string, error) {
	raw, err := newRaw(tokenBytes)
	if err != nil {
		return "", err
	}
	err = rc.Create().
		SetTokenHash(hashRaw(raw)).
		SetFamily(family).
		SetUserID(userID).
		SetCreatedAt(now).
		SetExpiresAt(now.Add(ttl)).
		Exec(ctx)
	if err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	return raw, nil
}
