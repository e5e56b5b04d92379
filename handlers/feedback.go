package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/proposals"
	"yishi/internal/store"
)

// createProposalFeedback godoc
//
//	@ID		createProposalFeedback
//	@Summary	Give feedback on a completed proposal
//	@Description	The author, the co-signers and the members of the unit where the proposal was filed (or a unit below it) each rate it once, from 1 to 5, while it is completed: before completion or after closing it is 409 feedback.not_open, a second time 409 feedback.exists. A satisfaction of 2 or less, or new_need=true, opens a follow-up draft authored by the giver at the original's unit (follow_up_id here, follow_up_of_id on the draft) and records the link on the original's timeline.
//	@Tags		feedback
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"proposal id"
//	@Param		body	body		createFeedbackRequest	true	"the feedback"
//	@Success	201		{object}	feedbackResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/proposals/{id}/feedback [post]
func (s *server) createProposalFeedback(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	var req createFeedbackRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx, by := c.Request.Context(), s.actor(c)
	in := proposals.FeedbackInput{Satisfaction: req.Satisfaction, Comment: req.Comment, NewNeed: req.NewNeed}
	var fb *ent.Feedback
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		fb, err = proposals.GiveFeedback(ctx, tx, p, in, by)
		return err
	})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/proposals/"+strconv.Itoa(p.ID)+"/feedback")
	c.JSON(http.StatusCreated, newFeedbackResponse(fb))
	return nil
}
