package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
	"yishi/internal/store"
	"yishi/internal/voting"
)

// openVote godoc
//
//	@ID		openVote
//	@Summary	Open a vote and freeze its roll
//	@Description	Leads (vote:open) open a draft vote before its opens_at (or the scheduler opens it then). In one transaction the roll is frozen into eligible-voter rows: members of the unit's subtree ("u:ID", weight 1), the meeting's registered participants ("u:ID", weight 1) or the subtree's households ("h:ID", weight 1 or the floor area). A person is on the roll only if they may cast a ballot there (vote:ballot at the vote's unit or above, or at one of their memberships in its community): staff registered as members or participants without the resident role are not counted. eligible_count and eligible_weight record it. 409 vote.not_draft when already opened; 409 vote.window_passed after closes_at; 422 vote.empty_roll when nobody is eligible.
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"vote id"
//	@Success	200	{object}	voteResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Failure	409	{object}	problem
//	@Failure	422	{object}	problem
//	@Router		/v1/votes/{id}/open [post]
func (s *server) openVote(c *gin.Context) error {
	return s.moveVote(c, "open", func(ctx context.Context, tx *ent.Tx, v *ent.Vote, now time.Time) (*ent.Vote, error) {
		return voting.Open(ctx, tx, v, now, s.Policy)
	})
}

// closeVote godoc
//
//	@ID		closeVote
//	@Summary	Close a vote
//	@Description	Leads (vote:close) close an open vote before its closes_at (or the scheduler closes it then). Ballots in flight finish first; none is accepted afterwards. Closing publishes the ballot list and, for after_close votes, the results. 409 vote.not_open unless open.
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"vote id"
//	@Success	200	{object}	voteResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Failure	409	{object}	problem
//	@Router		/v1/votes/{id}/close [post]
func (s *server) closeVote(c *gin.Context) error { return s.moveVote(c, "close", voting.Close) }

// moveVote runs one window step in a transaction with its audit entry.
func (s *server) moveVote(c *gin.Context, act string,
	step func(context.Context, *ent.Tx, *ent.Vote, time.Time) (*ent.Vote, error)) error {
	v, ctx := targetOf[*ent.Vote](c), c.Request.Context()
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if v, err = step(ctx, tx, v, s.now()); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &v.TenantID, UnitPath: v.UnitPath,
			Actor: caller(c).Subject, Action: "vote." + act, TargetType: "vote", TargetID: v.ID,
			RequestID: requestID(c), Detail: map[string]any{"eligible_count": v.EligibleCount}})
	})
	if err != nil {
		return err
	}
	opts, err := voting.Options(ctx, s.Store.Client, v.ID)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, s.voteOut(c, v, opts))
	return nil
}
