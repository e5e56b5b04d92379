package idempotency

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/idempotencykey"
	"yishi/internal/viewer"
)

// Complete stores the final answer for c so retries replay it. A claim
// whose row was taken over after its lease ran out is silently gone.
func (k *Keys) Complete(ctx context.Context, c Claim, resp Response) error {
	err := k.client.IdempotencyKey.UpdateOneID(c.ID).SetStatus(resp.Status).
		SetContentType(truncate(resp.ContentType, 100)).SetBody(resp.Body).SetHeaders(resp.Headers).SetAccessChecks(resp.Checks).
		Exec(viewer.SystemContext(ctx))
	if err != nil && !ent.IsNotFound(err) {
		return fmt.Errorf("idempotency: complete: %w", err)
	}
	return nil
}

// Release forgets c, so the client may retry with the same key: used when
// the answer was a server error or cannot be stored.
func (k *Keys) Release(ctx context.Context, c Claim) error {
	err := k.client.IdempotencyKey.DeleteOneID(c.ID).Exec(viewer.SystemContext(ctx))
	if err != nil && !ent.IsNotFound(err) {
		return fmt.Errorf("idempotency: release: %w", err)
	}
	return nil
}

// Sweep deletes expired keys and reports how many; the hourly job calls
// it so the table holds about one day of keys.
func (k *Keys) Sweep(ctx context.Context) (int, error) {
	n, err := k.client.IdempotencyKey.Delete().
		Where(idempotencykey.ExpiresAtLTE(k.now())).Exec(viewer.SystemContext(ctx))
	if err != nil {
		return 0, fmt.Errorf("idempotency: sweep: %w", err)
	}
	return n, nil
}
