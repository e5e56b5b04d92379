package handlers

import (
	"fmt"
	"math"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/feedback"
)

// listProposalFeedback godoc
//
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
	rows, err := s.Store.Client.Feedback.Query().Where(feedback.ProposalID(p.ID), feedback.IDGT(pg.After)).
		Order(ent.Asc(feedback.FieldID)).Limit(pg.Limit + 1).All(ctx)
	if err != nil {
		return fmt.Errorf("list feedback: %w", err)
	}
	scores, err := s.Store.Client.Feedback.Query().Where(feedback.ProposalID(p.ID)).
		Select(feedback.FieldSatisfaction).Ints(ctx)
	if err != nil {
		return fmt.Errorf("read feedback scores: %w", err)
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
