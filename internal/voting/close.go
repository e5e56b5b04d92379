package voting

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/vote"
	"yishi/internal/apperr"
	"yishi/internal/notify"
)

// Close ends an open vote in tx. The update is conditional on the status;
// on PostgreSQL it also waits for ballots in flight, which hold a share
// lock on the vote row (see Cast), so no ballot commits after the close.
// A vote on a proposal announces its result on the proposal's timeline.
func Close(ctx context.Context, tx *ent.Tx, v *ent.Vote, now time.Time) (*ent.Vote, error) {
	n, err := tx.Vote.Update().Where(vote.ID(v.ID), vote.StatusEQ(vote.StatusOpen)).
		SetStatus(vote.StatusClosed).SetClosedAt(now).AddVersion(1).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("close vote %d: %w", v.ID, err)
	}
	if n == 0 {
		return nil, apperr.Conflict("vote.not_open", "only an open vote can be closed")
	}
	out, err := tx.Vote.Get(ctx, v.ID)
	if err != nil {
		return nil, fmt.Errorf("reload vote %d: %w", v.ID, err)
	}
	if err := announceResult(ctx, tx, out); err != nil {
		return nil, err
	}
	return out, notify.VoteResult(ctx, tx.Client(), out, notify.ActorOf(ctx))
}
