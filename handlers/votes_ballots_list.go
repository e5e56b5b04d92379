package handlers

import (
	"encoding/base64"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/voting"
)

// publishedBallot is one ballot in the published list. voter_key ("u:7",
// "h:12") appears only for named votes.
type publishedBallot struct {
	Token     string  `json:"token"`
	OptionIDs []int   `json:"option_ids"`
	Weight    float64 `json:"weight"`
	FloorArea float64 `json:"floor_area"`
	VoterKey  string  `json:"voter_key,omitempty"`
}

// listVoteBallots godoc
//
//	@Summary	The published ballots of a closed vote
//	@Description	Everyone who can read the vote can recount it: each ballot's token, options, weight and floor area (and, for named votes only, the voter key). Ordered by the random token, so the order says nothing about who voted when. 409 vote.not_closed until the vote closes.
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"vote id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[publishedBallot]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Router		/v1/votes/{id}/ballots [get]
func (s *server) listVoteBallots(c *gin.Context) error {
	v := targetOf[*ent.Vote](c)
	if !voting.IsClosed(v) {
		return apperr.Conflict("vote.not_closed", "ballots are published when the vote closes")
	}
	limit, after, err := tokenPage(c)
	if err != nil {
		return err
	}
	rows, err := voting.PublishedBallots(c.Request.Context(), s.Store.Client, v.ID, after, limit)
	if err != nil {
		return err
	}
	out := pageOf[publishedBallot]{Items: []publishedBallot{}}
	for i, b := range rows {
		if i == limit {
			out.NextCursor = base64.RawURLEncoding.EncodeToString([]byte(rows[i-1].Token))
			break
		}
		out.Items = append(out.Items, publishedBallot{Token: b.Token, OptionIDs: b.OptionIds, Weight: b.Weight,
			FloorArea: b.FloorArea, VoterKey: b.VoterKey})
	}
	c.JSON(http.StatusOK, out)
	return nil
}

// tokenPage parses ?limit=&cursor= for lists ordered by a token.
func tokenPage(c *gin.Context) (int, string, error) {
	limit := defaultPageSize
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			return 0, "", apperr.Invalid(apperr.FieldError{Field: "limit", Message: "must be an integer from 1 to 200"})
		}
		limit = n
	}
	after, err := base64.RawURLEncoding.DecodeString(c.Query("cursor"))
	if err != nil {
		return 0, "", apperr.Invalid(apperr.FieldError{Field: "cursor", Message: "is not a cursor this API issued"})
	}
	return limit, string(after), nil
}
