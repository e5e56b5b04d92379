package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/ent"
	"yishi/ent/vote"
	"yishi/internal/apperr"
)

// getVote godoc
//
//	@Summary	Get a vote
//	@Description	Its set-up, status, window and frozen roll size. Residents read every vote of their community, drafts included (a scheduled vote is announced before it opens).
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"vote id"
//	@Success	200	{object}	voteResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/votes/{id} [get]
func (s *server) getVote(c *gin.Context) {
	v, err := s.loadVote(c, "read")
	var opts []*ent.VoteOption
	if err == nil {
		opts, err = s.voteOptions(c.Request.Context(), v.ID)
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	c.JSON(http.StatusOK, newVoteResponse(v, opts))
}

// listVotes godoc
//
//	@Summary	List the votes of a unit's subtree
//	@Description	Newest first; status filters (draft, open, closed). Residents see their community's votes.
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		status	query		string	false	"draft, open or closed"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	votePage
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/votes [get]
func (s *server) listVotes(c *gin.Context) {
	u, err := s.loadUnitUnscoped(c)
	if err == nil {
		err = s.allowInCommunity(c, "vote", "read", u.Path, authz.CommunityOf(u.Path))
	}
	var p page
	if err == nil {
		p, err = parsePage(c)
	}
	st := c.Query("status")
	if err == nil && st != "" && vote.StatusValidator(vote.Status(st)) != nil {
		err = apperr.Invalid(apperr.FieldError{Field: "status", Message: "must be draft, open or closed"})
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	q := s.Store.Client.Vote.Query().Where(vote.UnitPathHasPrefix(u.Path))
	if st != "" {
		q.Where(vote.StatusEQ(vote.Status(st)))
	}
	if p.After > 0 {
		q.Where(vote.IDLT(p.After))
	}
	ctx := c.Request.Context()
	rows, err := q.Order(ent.Desc(vote.FieldID)).Limit(p.Limit + 1).All(ctx)
	var byVote map[int][]*ent.VoteOption
	if err == nil {
		byVote, err = s.optionsOf(c, rows)
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	var out votePage
	out.Items, out.NextCursor = pageItems(rows, p, func(v *ent.Vote) int { return v.ID },
		func(v *ent.Vote) voteResponse { return newVoteResponse(v, byVote[v.ID]) })
	c.JSON(http.StatusOK, out)
}
