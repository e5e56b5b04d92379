package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/voting"
)

// getVote godoc
//
//	@ID		getVote
//	@Summary	Get a vote
//	@Description	Its set-up, status, window and frozen roll size. Residents read every vote of their community, drafts included (a scheduled vote is announced before it opens). allowed_actions lists open, close and ballot when the caller may take them now (ballot only for a voter on the frozen roll); outside the window a listed action may still answer 409.
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"vote id"
//	@Success	200	{object}	voteResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/votes/{id} [get]
func (s *server) getVote(c *gin.Context) error {
	v := targetOf[*ent.Vote](c)
	opts, err := voting.Options(c.Request.Context(), s.Store.Client, v.ID)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, s.voteOut(c, v, opts))
	return nil
}

// listVotes godoc
//
//	@ID		listVotes
//	@Summary	List the votes of a unit's subtree
//	@Description	Newest first; status filters (draft, open, closed). Residents see their community's votes. Each vote carries allowed_actions for the caller.
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		status	query		string	false	"draft, open or closed"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[voteResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/votes [get]
func (s *server) listVotes(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	st, ctx := c.Query("status"), c.Request.Context()
	var byVote map[int][]*ent.VoteOption
	return respondPage(c, func(p page) ([]*ent.Vote, error) {
		// status is checked once the page parameters are: a bad limit is
		// the first error named, as it always was.
		if st != "" && !voting.ValidStatus(st) {
			return nil, apperr.Invalid(apperr.FieldError{Field: "status", Message: "must be draft, open or closed"})
		}
		rows, err := voting.List(ctx, s.Store.Client, voting.ListQuery{UnitPath: u.Path, Status: st, Before: p.After, Limit: p.Limit})
		if err != nil {
			return nil, err
		}
		byVote, err = voting.OptionsOf(ctx, s.Store.Client, rows)
		return rows, err
	}, func(v *ent.Vote) int { return v.ID },
		func(v *ent.Vote) voteResponse { return s.voteOut(c, v, byVote[v.ID]) })
}
