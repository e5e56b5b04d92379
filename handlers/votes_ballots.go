package handlers

import (
	"net/http"

	"entgo.io/ent/dialect"
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/store"
	"yishi/internal/voting"
)

// castBallotResponse is the voter's copy of their ballot. receipt is
// shown only here, once: keep it to check the ballot in the published
// list later (POST /v1/votes/{id}/receipt).
type castBallotResponse struct {
	VoteID    int    `json:"vote_id"`
	Token     string `json:"token" example:"9f86d081884c7d659a2feaa0c55ad015"`
	Receipt   string `json:"receipt" example:"MZXW-6YTB-OI4Q-UZLM-N5XG-C3TH-GU"`
	OptionIDs []int  `json:"option_ids"`
	// Answers echo a multi-question ballot's answers.
	Answers   []ballotAnswerRequest `json:"answers,omitempty"`
	Weight    float64               `json:"weight"`
	FloorArea float64               `json:"floor_area"` // 0 unless the vote is weighted by floor_area
}

// castBallot godoc
//
//	@ID		castBallot
//	@Summary	Cast a ballot
//	@Description	The caller must hold vote:ballot in the vote's community (members hold the resident role) and be on the roll frozen at opening: as a person, or for households as a member of an eligible household (household_id picks one when there are several; the household votes once, whoever casts it). Order of checks: 409 vote.not_open outside the window (not open, or past closes_at); 403 vote.not_eligible; 400 for no option, too many, a repeat or an option of another vote; a vote with questions takes answers: [{question_id, option_ids}], every question answered exactly once within its own maximum (400 naming answers for a missing question, answers[i].question_id for a repeat or unknown question, answers[i].option_ids for a bad choice), and stores their option ids as one ballot (option_ids in the published list: each option belongs to one question); 409 vote.already_voted for a second ballot, enforced by a unique index. An anonymous vote's stored ballot carries no voter. floor_area is the household's area only when the vote is weighted by floor_area, and 0 otherwise (it is then not part of the ballot).
//	@Tags		votes
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"vote id"
//	@Param		body	body		castBallotRequest	true	"the choice"
//	@Success	201		{object}	castBallotResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Router		/v1/votes/{id}/ballots [post]
func (s *server) castBallot(c *gin.Context) error {
	v := targetOf[*ent.Vote](c)
	var req castBallotRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if !voting.InWindow(v, s.now()) {
		return voting.NotOpen()
	}
	ctx, userID := c.Request.Context(), caller(c).UserID
	seat, err := voting.SeatOf(ctx, s.Store.Client, v, userID, req.HouseholdID)
	if err != nil {
		return err
	}
	chosen, err := s.checkChoice(c, v, &req)
	if err != nil {
		return err
	}
	var sec voting.Secrets
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		_, sec, err = voting.Cast(ctx, tx, voting.CastInput{Vote: v, VoterKey: seat.Key, CastBy: &userID,
			OptionIDs: chosen, Weight: seat.Weight, FloorArea: seat.FloorArea, Now: s.now(),
			LockVote: s.Store.Dialect == dialect.Postgres})
		return err
	})
	if err != nil {
		return err
	}
	// The receipt is shown once: never cached, nor kept for an
	// Idempotency-Key replay.
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, castBallotResponse{VoteID: v.ID, Token: sec.Token, Receipt: sec.Receipt,
		OptionIDs: chosen, Answers: req.Answers, Weight: seat.Weight, FloorArea: voting.BallotFloorArea(v, seat.FloorArea)})
	return nil
}

// checkChoice validates the ballot against the vote's options and
// returns the option ids to store: option_ids on a one-question vote,
// every answer's on a vote with questions (each answered exactly once).
func (s *server) checkChoice(c *gin.Context, v *ent.Vote, req *castBallotRequest) ([]int, error) {
	opts, err := voting.Options(c.Request.Context(), s.Store.Client, v.ID)
	if err != nil {
		return nil, err
	}
	if len(v.Questions) > 0 {
		if len(req.Answers) == 0 {
			return nil, apperr.Invalid(apperr.FieldError{Field: "answers", Message: "this vote asks several questions: answer each in answers"})
		}
		chosen, bad := voting.CheckAnswers(v, opts, req.answers())
		if len(bad) > 0 {
			return nil, apperr.Invalid(bad...)
		}
		return chosen, nil
	}
	if len(req.Answers) > 0 {
		return nil, apperr.Invalid(apperr.FieldError{Field: "answers", Message: "this vote asks one question: send option_ids"})
	}
	if bad := voting.CheckChoice(req.OptionIDs, optionIDs(opts), v.MaxChoices); len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	return req.OptionIDs, nil
}
