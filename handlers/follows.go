package handlers

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
)

// followResponse confirms that the caller follows a proposal: from now on
// every status change and report on it reaches their inbox.
type followResponse struct {
	ProposalID int       `json:"proposal_id"`
	UserID     int       `json:"user_id"`
	CreatedAt  time.Time `json:"created_at"`
}

// followProposal godoc
//
//	@ID		followProposal
//	@Summary	Follow a proposal
//	@Description	Anyone who can read the proposal follows it to receive a notification for each of its status changes, progress reports, meeting decisions and vote results. Authors and co-signers are notified without following. Following twice is harmless: 201 the first time, 200 after.
//	@Tags		notifications
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"proposal id"
//	@Success	201	{object}	followResponse
//	@Success	200	{object}	followResponse	"already following"
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/proposals/{id}/follow [post]
func (s *server) followProposal(c *gin.Context) error {
	p, v := targetOf[*ent.Proposal](c), caller(c)
	if v.UserID == 0 {
		return errFollowerNotAPerson()
	}
	f, created, err := proposals.Follow(c.Request.Context(), s.Store.Client, p, v.UserID)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	c.JSON(status, followResponse{ProposalID: f.ProposalID, UserID: f.UserID, CreatedAt: f.CreatedAt.UTC()})
	return nil
}

// errFollowerNotAPerson refuses partner apps: following fills a person's inbox.
func errFollowerNotAPerson() error { return apperr.Forbidden("only a person follows a proposal") }

// unfollowProposal godoc
//
//	@ID		unfollowProposal
//	@Summary	Stop following a proposal
//	@Description	Idempotent: 204 whether or not the caller followed it. Authors and co-signers keep being notified.
//	@Tags		notifications
//	@Security	BearerAuth
//	@Param		id	path	int	true	"proposal id"
//	@Success	204
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/proposals/{id}/follow [delete]
func (s *server) unfollowProposal(c *gin.Context) error {
	p, v := targetOf[*ent.Proposal](c), caller(c)
	if v.UserID == 0 {
		return errFollowerNotAPerson()
	}
	if err := proposals.Unfollow(c.Request.Context(), s.Store.Client, p, v.UserID); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
