package idempotency

import (
	"context"
	"fmt"
	"unicode/utf8"

	"yishi/ent"
	"yishi/ent/idempotencykey"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// claimAttempts bounds the insert/collide loop; each turn either wins the
// insert or clears a stale row, so more turns only happen under a race.
const claimAttempts = 3

// Begin claims r's key. Exactly one outcome holds: a Claim (run the
// handler, then Complete or Release), a stored Response to replay, or an
// error (422 key reused with another request, 409 still in flight).
func (k *Keys) Begin(ctx context.Context, r Request) (Claim, *Response, error) {
	sys := viewer.SystemContext(ctx)
	for range claimAttempts {
		now := k.now()
		row, err := k.client.IdempotencyKey.Create().
			SetSubject(r.Subject).SetKey(r.Key).SetMethod(r.Method).SetPath(truncate(r.Path, 255)).
			SetRequestHash(r.Hash).SetCreatedAt(now).SetExpiresAt(now.Add(TTL)).Save(sys)
		if err == nil {
			return Claim{ID: row.ID}, nil, nil
		}
		if !ent.IsConstraintError(err) {
			return Claim{}, nil, fmt.Errorf("idempotency: claim: %w", err)
		}
		old, err := k.client.IdempotencyKey.Query().Where(idempotencykey.SubjectEQ(r.Subject),
			idempotencykey.KeyEQ(r.Key)).Only(sys)
		if ent.IsNotFound(err) {
			continue // released meanwhile: try the insert again
		}
		if err != nil {
			return Claim{}, nil, fmt.Errorf("idempotency: load: %w", err)
		}
		if !k.stale(old) {
			resp, err := settled(old, r)
			return Claim{}, resp, err
		}
		if err := k.client.IdempotencyKey.DeleteOneID(old.ID).Exec(sys); err != nil && !ent.IsNotFound(err) {
			return Claim{}, nil, fmt.Errorf("idempotency: clear stale: %w", err)
		}
	}
	return Claim{}, nil, inProgress()
}

// stale rows are treated as absent: expired answers, and in-flight claims
// whose lease ran out because their instance died.
func (k *Keys) stale(row *ent.IdempotencyKey) bool {
	now := k.now()
	return !now.Before(row.ExpiresAt) || (row.Status == 0 && !now.Before(row.CreatedAt.Add(Lease)))
}

// settled decides a collision with a live row.
func settled(row *ent.IdempotencyKey, r Request) (*Response, error) {
	switch {
	case row.RequestHash != r.Hash:
		return nil, apperr.New(apperr.KindUnprocessable, "idempotency.key_reused",
			"this Idempotency-Key was already used for a different request")
	case row.Status == 0:
		return nil, inProgress()
	}
	return &Response{Status: row.Status, ContentType: row.ContentType, Body: row.Body, Headers: row.Headers,
		Checks: row.AccessChecks}, nil
}

func inProgress() error {
	return apperr.Conflict("idempotency.in_progress",
		"a request with this Idempotency-Key is still being processed; retry later")
}

// truncate cuts s to at most n bytes on a rune boundary; the stored path
// is informational (the fingerprint covers the full target).
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
