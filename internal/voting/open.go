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

// Open moves a draft vote to open and freezes its roll in tx: the rows
// written here, not later memberships, decide who may vote and with what
// weight. The status change is conditional, so two openers (a lead and
// the scheduler) cannot both freeze a roll. rights decides who of the
// eligible people may vote at all (see mayBallot).
func Open(ctx context.Context, tx *ent.Tx, v *ent.Vote, now time.Time, rights Rights) (*ent.Vote, error) {
	if v.ClosesAt != nil && !v.ClosesAt.After(now) {
		return nil, apperr.Conflict("vote.window_passed", "the vote's closing time has passed")
	}
	n, err := tx.Vote.Update().Where(vote.ID(v.ID), vote.StatusEQ(vote.StatusDraft)).
		SetStatus(vote.StatusOpen).SetOpenedAt(now).AddVersion(1).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("open vote %d: %w", v.ID, err)
	}
	if n == 0 {
		return nil, apperr.Conflict("vote.not_draft", "only a draft vote can be opened")
	}
	voters, err := rollOf(ctx, tx, v, rights)
	if err != nil {
		return nil, err
	}
	if len(voters) == 0 {
		return nil, apperr.New(apperr.KindUnprocessable, "vote.empty_roll", "nobody is eligible for this vote yet")
	}
	if err := writeRoll(ctx, tx, v, voters); err != nil {
		return nil, err
	}
	r := Totals(voters)
	out, err := tx.Vote.UpdateOneID(v.ID).SetEligibleCount(r.Count).SetEligibleWeight(Float(r.Weight)).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("record roll of vote %d: %w", v.ID, err)
	}
	return out, notify.VoteOpened(ctx, tx.Client(), out, notify.ActorOf(ctx))
}
