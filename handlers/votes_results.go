package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/voting"
)

// getVoteResults godoc
//
//	@ID		getVoteResults
//	@Summary	A vote's results
//	@Description	Counted from the stored ballots on every request, exactly as anyone can recount them from the published list. With results_visibility after_close, the answer before closing is 200 with hidden=true: turnout only, no option counts, no outcome — for staff too; for an anonymous vote the hidden turnout is the ballot count alone (no weight, no floor_area), so nothing moves by a household's weight as each ballot arrives. floor_area figures (turnout and per option) appear only for votes weighted by floor_area; an anonymous vote publishes per-option totals, never a ballot's area. outcome applies the rule: plurality names the winner(s) (several on a tie); majority_quorum reports quorum (turnout weight >= quorum × eligible weight) and majority (the top option > 1/2 of the turnout weight) and passed; civil_code_278 reports participation by floor area and by headcount (>= 2/3 each), then approval of the first option by participating floor area and headcount (> 1/2, or >= 3/4 for a major matter), each with required, actual and met. Thresholds are decided in exact arithmetic; the numbers shown are rounded floats. A vote with questions answers questions: each question's options and its own outcome (the vote's rule applied to that question, over the same turnout and roll), and no top-level outcome.
//	@Tags		votes
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"vote id"
//	@Success	200	{object}	voteResultsResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/votes/{id}/results [get]
func (s *server) getVoteResults(c *gin.Context) error {
	v, ctx := targetOf[*ent.Vote](c), c.Request.Context()
	opts, err := voting.Options(ctx, s.Store.Client, v.ID)
	if err != nil {
		return err
	}
	roll, tally, err := voting.CountVote(ctx, s.Store.Client, v, optionIDs(opts))
	if err != nil {
		return err
	}
	closed, hidden := voting.IsClosed(v), voting.ResultsHidden(v)
	out := voteResultsResponse{VoteID: v.ID, Status: string(v.Status), Hidden: hidden, Final: closed,
		Weighting: string(v.Weighting), EligibleCount: roll.Count, EligibleWeight: voting.Float(roll.Weight),
		EligibleFloorArea: voting.Float(roll.FloorArea), Options: optionResults(v, opts, tally, hidden),
		Turnout: newTurnoutResponse(v, tally)}
	spec := voting.Spec{Rule: string(v.Rule), Options: optionIDs(opts), Major: v.MajorMatter}
	if v.Quorum != nil {
		spec.Quorum = *v.Quorum
	}
	if !hidden && len(v.Questions) == 0 {
		out.Outcome = newOutcomeResponse(voting.Evaluate(spec, roll, tally))
	}
	byQ := voting.QuestionOptions(opts)
	for _, q := range v.Questions {
		qr := questionResultResponse{ID: q.ID, Prompt: q.Prompt, Method: q.Method, MaxChoices: q.MaxChoices,
			Options: optionResults(v, byQ[q.ID], tally, hidden)}
		if !hidden {
			spec.Options = optionIDs(byQ[q.ID])
			qr.Outcome = newOutcomeResponse(voting.Evaluate(spec, roll, tally))
		}
		out.Questions = append(out.Questions, qr)
	}
	c.JSON(http.StatusOK, out)
	return nil
}
