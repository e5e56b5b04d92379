package handlers

import (
	"math"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/proposals"
)

// listProposalFeedback godoc
//
//	@ID		listProposalFeedback
//	@Summary	A proposal's feedback
//	@Description	Oldest first, with the number of ratings and their average over the whole proposal (null when there are none). Everyone who can read the proposal reads its feedback.
//	@Tags		feedback
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"proposal id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	feedbackPage
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/proposals/{id}/feedback [get]
func (s *server) listProposalFeedback(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	pg, err := parsePage(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	rows, err := proposals.Feedbacks(ctx, s.Store.Client, p, pg.After, pg.Limit+1)
	if err != nil {
		return err
	}
	scores, err := proposals.Scores(ctx, s.Store.Client, p)
	if err != nil {
		return err
	}
	out := feedbackPage{Count: len(scores), Average: averageScore(scores)}
	out.Items, out.NextCursor = pageItems(rows, pg, func(f *ent.Feedback) int { return f.ID }, newFeedbackResponse)
	c.JSON(http.StatusOK, out)
	return nil
}

// averageScore is the mean to two decimals, or nil for no scores.
func averageScore(xs []int) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sum := 0
	for _, x := range xs {
		sum += x
	}
	avg := math.Round(float64(sum)/float64(len(xs))*100) / 100
	return &avg
}
