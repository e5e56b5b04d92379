package voting

import (
	"context"
	"errors"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/vote"
	"yishi/internal/apperr"
	"yishi/internal/store"
	"yishi/internal/viewer"
)

// RunSchedule opens draft votes whose opens_at has come and closes open
// votes whose closes_at has passed, each in its own transaction, and
// returns how many it changed. A vote the lead opened or closed first is
// skipped (the conditional update finds nothing), so the job is safe to
// race with requests and with itself. It works as the system: votes of
// every tenant are due. rights is the policy rolls are checked against.
func RunSchedule(ctx context.Context, client *ent.Client, now time.Time, rights Rights) (int, error) {
	sys := viewer.SystemContext(ctx)
	toOpen, err := client.Vote.Query().Where(vote.StatusEQ(vote.StatusDraft), vote.OpensAtLTE(now),
		vote.Or(vote.ClosesAtIsNil(), vote.ClosesAtGT(now))).Limit(200).All(sys)
	if err != nil {
		return 0, fmt.Errorf("schedule: due to open: %w", err)
	}
	toClose, err := client.Vote.Query().Where(vote.StatusEQ(vote.StatusOpen), vote.ClosesAtLTE(now)).
		Limit(200).All(sys)
	if err != nil {
		return 0, fmt.Errorf("schedule: due to close: %w", err)
	}
	n := 0
	for _, v := range toOpen {
		ok, err := scheduled(sys, client, v, now, func(ctx context.Context, tx *ent.Tx, v *ent.Vote, now time.Time) (*ent.Vote, error) {
			return Open(ctx, tx, v, now, rights)
		})
		if err != nil {
			return n, err
		}
		n += ok
	}
	for _, v := range toClose {
		ok, err := scheduled(sys, client, v, now, Close)
		if err != nil {
			return n, err
		}
		n += ok
	}
	return n, nil
}

// scheduled runs one open or close. A conflict (someone was first) or an
// empty roll (nobody eligible yet; the lead will see it) is not an error
// of the job.
func scheduled(ctx context.Context, client *ent.Client, v *ent.Vote, now time.Time,
	step func(context.Context, *ent.Tx, *ent.Vote, time.Time) (*ent.Vote, error)) (int, error) {
	err := store.WithTx(ctx, client, func(tx *ent.Tx) error {
		_, err := step(ctx, tx, v, now)
		return err
	})
	var e *apperr.Error
	if errors.As(err, &e) && (e.Kind == apperr.KindConflict || e.Kind == apperr.KindUnprocessable) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("schedule vote %d: %w", v.ID, err)
	}
	return 1, nil
}
