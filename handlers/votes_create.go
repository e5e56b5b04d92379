package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
	"yishi/internal/store"
	"yishi/internal/voting"
)

// createVote godoc
//
//	@ID		createVote
//	@Summary	Set up a vote (as a draft)
//	@Description	Leads (vote:create) set up a vote at a unit, on a proposal, a meeting or both (each must be visible to the lead and lie in the unit or below). Options are 2-20 unique labels. A vote may instead ask several questions (questions: up to 10, each with its prompt, method, max_choices and 2-20 options; method, max_choices and options are then left out at the top, 400 naming options otherwise, and invalid questions are named questions[i].field); one ballot answers all of them, and eligibility, weighting, rule, anonymity and window apply to the vote as a whole. A vote created with options is a one-question vote and works as before. eligibility: members (everyone with a membership at the unit or below), participants (the meeting's registered participants; needs meeting_id) or households (one ballot per household of the subtree). weighting: person, household or floor_area; the last two need eligibility households. rule: plurality (default), majority_quorum (needs quorum, a share of the roll's weight in (0,1]) or civil_code_278 (Art. 278 double majority: single choice, eligibility households, weighting floor_area, the first option approves; major_matter needs 3/4 instead of a majority). results_visibility after_close (default) hides counts until the vote closes. anonymous: ballots carry no voter; an anonymous vote must keep results after_close (400 naming anonymous and results_visibility for live) and cannot be weighted by floor_area (400 naming anonymous and weighting: areas identify households, and Art. 278 votes are named). opens_at/closes_at schedule the window; the lead's open/close, or the scheduler, whichever comes first.
//	@Tags		votes
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"unit id"
//	@Param		body	body		createVoteRequest	true	"the vote"
//	@Success	201		{object}	voteResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/votes [post]
func (s *server) createVote(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	var req createVoteRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := voting.CheckLinks(c.Request.Context(), s.Store.Client, u.Path, req.ProposalID, req.MeetingID); err != nil {
		return err
	}
	ctx, cfg, who := c.Request.Context(), req.config(), caller(c)
	n := voting.NewVote{Unit: u, Title: req.Title, ProposalID: req.ProposalID, MeetingID: req.MeetingID,
		Config: cfg, Anonymous: req.Anonymous, OpensAt: utcPtr(req.OpensAt), ClosesAt: utcPtr(req.ClosesAt),
		CreatedBy: userIDPtr(who), Options: req.Options, Questions: cfg.Questions}
	var v *ent.Vote
	var opts []*ent.VoteOption
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if v, opts, err = voting.Create(ctx, tx, n); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: who.Subject,
			Action: "vote.create", TargetType: "vote", TargetID: v.ID, RequestID: requestID(c),
			Detail: map[string]any{"rule": cfg.Rule, "eligibility": cfg.Eligibility}})
	})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/votes/"+strconv.Itoa(v.ID))
	c.JSON(http.StatusCreated, s.voteOut(c, v, opts))
	return nil
}
