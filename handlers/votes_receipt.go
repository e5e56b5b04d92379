package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/voting"
)

// receiptResponse confirms a ballot is stored, and so counted: the
// results are computed from every stored ballot. published says whether
// the ballot list (where the token can be found) is out yet. It never
// carries the choice (nor weight or area), so a receipt shown to someone
// else proves that a ballot was counted, not how it was cast.
type receiptResponse struct {
	VoteID    int    `json:"vote_id"`
	Token     string `json:"token"`
	Counted   bool   `json:"counted"`
	Published bool   `json:"published"`
}

// verifyVoteReceipt godoc
//
//	@ID		verifyVoteReceipt
//	@Summary	Check a receipt
//	@Description	A voter proves to themselves that their ballot is in the tally: the receipt code given once at casting finds the ballot (by its SHA-256; the code itself is never stored) and answers only that it is counted, with its public token, which appears in the published ballot list once the vote closes. The answer never contains the choice, weight or floor area: a receipt cannot be shown to anyone as proof of how the ballot was cast. The code is sent in the body so it stays out of URLs and logs. 404 ballot.not_found for an unknown code.
//	@Tags		votes
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"vote id"
//	@Param		body	body		verifyReceiptRequest	true	"the receipt code"
//	@Success	200		{object}	receiptResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/votes/{id}/receipt [post]
func (s *server) verifyVoteReceipt(c *gin.Context) error {
	v := targetOf[*ent.Vote](c)
	var req verifyReceiptRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	b, err := voting.BallotByReceipt(c.Request.Context(), s.Store.Client, v.ID, req.Code)
	if ent.IsNotFound(err) {
		return apperr.NotFound("ballot")
	}
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, receiptResponse{VoteID: v.ID, Token: b.Token, Counted: true, Published: voting.IsClosed(v)})
	return nil
}
