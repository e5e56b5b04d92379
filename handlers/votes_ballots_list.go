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
// "h:12") appears only for named votes; floor_area only for named votes
// weighted by floor area, since an area can single out one flat.
type publishedBallot struct {
	Token     string   `json:"token"`
	OptionIDs []int    `json:"option_ids"`
	Weight    float64  `json:"weight"`
	FloorArea *float64 `json:"floor_area,omitempty"`
	VoterKey  string   `json:"voter_key,omitempty"`
}

// newPublishedBallot is b as v publishes it.
func newPublishedBallot(v *ent.Vote, b *ent.Ballot) publishedBallot {
	out := publishedBallot{Token: b.Token, OptionIDs: b.OptionIds, Weight: b.Weight, VoterKey: b.VoterKey}
	if v.Anonymous {
		out.VoterKey = ""
	}
	if voting.PublishesBallotArea(v) {
		area := b.FloorArea
		out.FloorArea = &area
	}
	return out
}

// listVoteBallots godoc
//
//	@ID		listVoteBallots
//	@Summary	The published ballots of a closed vote
//	@Description	Everyone who can read the vote can recount it: each ballot's token, options and weight; for named votes also the voter key, and floor_area when the vote is weighted by floor area. An anonymous ballot carries neither voter nor area (anonymous votes weighted by floor area are refused at creation), and with household or person weighting its weight is 1. Ordered by the random token, so the order says nothing about who voted when. 409 vote.not_closed until the vote closes.
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
		out.Items = append(out.Items, newPublishedBallot(v, b))
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
