package handlers

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/similarity"
)

// loadProposal reads the proposal named by :id as the caller (privacy
// hides what they may not see: 404) and checks proposal:act. The row is
// visible by then, so a missing permission is 403, never 404.
func (s *server) loadProposal(c *gin.Context, act string) (*ent.Proposal, error) {
	id, err := pathID(c, "id", "proposal")
	if err != nil {
		return nil, err
	}
	p, err := s.Store.Client.Proposal.Get(c.Request.Context(), id)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("proposal")
	}
	if err != nil {
		return nil, err
	}
	if err := s.allowInCommunity(c, "proposal", act, p.UnitPath, p.CommunityPath); err != nil {
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindNotFound {
			return nil, apperr.Forbidden("you may not " + act + " this proposal")
		}
		return nil, err
	}
	return p, nil
}

// seesPersonalData reports whether the caller may see the author's name
// and phone: the author, or staff who read internal fields there.
func (s *server) seesPersonalData(c *gin.Context, p *ent.Proposal) bool {
	v := caller(c)
	return (p.AuthorID != nil && *p.AuthorID == v.UserID) || s.seesInternal(c, p)
}

func proposalETag(p *ent.Proposal) string { return fmt.Sprintf(`W/"%d"`, p.Version) }

// getProposal godoc
//
//	@Summary	Get a proposal
//	@Description	Includes status, handling unit, screening flags and co-signature count, and follow_ups: the follow-up proposals feedback opened (those the caller can see). Residents see their own community's proposals past draft, with other people's name and phone masked. The ETag is the proposal's version.
//	@Tags		proposals
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"proposal id"
//	@Success	200	{object}	proposalResponse
//	@Failure	401	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/proposals/{id} [get]
func (s *server) getProposal(c *gin.Context) {
	p, err := s.loadProposal(c, "read")
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	out := newProposalResponse(p, s.seesPersonalData(c, p))
	if out.FollowUps, err = s.followUps(c, p); err != nil {
		writeError(c, s.Logger, err)
		return
	}
	c.Header("ETag", proposalETag(p))
	c.JSON(http.StatusOK, out)
}

// similarProposals lists up to five open proposals of p's community whose
// text is close to p's by character bigrams.
func (s *server) similarProposals(c *gin.Context, p *ent.Proposal) ([]similarProposal, error) {
	rows, err := s.Store.Client.Proposal.Query().Where(
		proposal.CommunityPath(p.CommunityPath), proposal.IDNEQ(p.ID),
		proposal.StatusIn(proposal.StatusCollecting, proposal.StatusSubmitted, proposal.StatusNeedsRevision,
			proposal.StatusAccepted, proposal.StatusDeliberating, proposal.StatusApproved, proposal.StatusImplementing),
	).Order(ent.Desc(proposal.FieldID)).Limit(500).All(c.Request.Context())
	if err != nil {
		return nil, err
	}
	byID := map[int]*ent.Proposal{}
	cands := make([]similarity.Candidate, 0, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
		cands = append(cands, similarity.Candidate{ID: r.ID, Text: r.Title + " " + r.Body})
	}
	var out []similarProposal
	for _, m := range similarity.Rank(p.Title+" "+p.Body, cands, 0.2, 5) {
		r := byID[m.ID]
		out = append(out, similarProposal{ID: r.ID, Title: r.Title, Status: string(r.Status), Score: m.Score})
	}
	return out, nil
}
