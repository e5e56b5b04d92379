package handlers

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/proposals"
	"yishi/internal/workflow"
)

// proposalAccess is p as access sees it, the same target the proposal
// routes decide on: for a proposal the handler holds after a write
// (created, moved), whose unit may differ from the route's target.
func proposalAccess(p *ent.Proposal) access.Target {
	return access.Target{Kind: "proposal", UnitPath: p.UnitPath, CommunityPath: p.CommunityPath,
		Visible: true, Object: p}
}

// seesInternal reports whether the caller reads staff-internal fields of
// p (internal comments and files, other people's personal data).
func (s *server) seesInternal(c *gin.Context, p *ent.Proposal) bool {
	return s.access.Holds(caller(c), access.Perm("proposal:read_internal"), proposalAccess(p), access.Subtree)
}

// seesPersonalData reports whether the caller may see the author's name
// and phone: the author, or staff who read internal fields there.
func (s *server) seesPersonalData(c *gin.Context, p *ent.Proposal) bool {
	v := caller(c)
	return (p.AuthorID != nil && *p.AuthorID == v.UserID) || s.seesInternal(c, p)
}

// proposalView is p as one caller sees it in a single-proposal answer:
// personal data masked unless theirs to see, and the actions they may take.
func (s *server) proposalView(c *gin.Context, p *ent.Proposal) proposalResponse {
	return proposalResponse{proposalItem: newProposalItem(p, s.seesPersonalData(c, p)),
		AllowedActions: s.allowedActions(c, proposalAccess(p), proposalActions(p))}
}

// proposalActions are a proposal's lifecycle buttons, each ready when p's
// status admits it.
func proposalActions(p *ent.Proposal) []action {
	out := make([]action, 0, len(workflow.Actions()))
	for _, a := range workflow.Actions() {
		out = append(out, action{Name: a, Route: "POST /v1/proposals/:id/:action", Action: a,
			Ready: func() bool { return workflow.Check(string(p.Status), a) == nil }})
	}
	return out
}

func proposalETag(p *ent.Proposal) string { return fmt.Sprintf(`W/"%d"`, p.Version) }

// getProposal godoc
//
//	@ID		getProposal
//	@Summary	Get a proposal
//	@Description	Includes status, handling unit, screening flags and co-signature count, and follow_ups: the follow-up proposals feedback opened (those the caller can see). Residents see their own community's proposals past draft, with other people's name and phone masked. allowed_actions lists the lifecycle actions the caller may take in the proposal's current status (other preconditions, such as missing tasks or a passed deadline, are not reflected and still answer 409). The ETag is the proposal's version.
//	@Tags		proposals
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"proposal id"
//	@Success	200	{object}	proposalResponse
//	@Failure	401	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/proposals/{id} [get]
func (s *server) getProposal(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	out := s.proposalView(c, p)
	if err := s.auditPersonalRead(c, personalRead{tenantID: p.TenantID, unitPath: p.UnitPath,
		targetType: "proposal", targetID: p.ID, rows: boolCount(revealsPhone(c, p, s.seesPersonalData(c, p)))}); err != nil {
		return err
	}
	var err error
	if out.FollowUps, err = s.followUps(c, p); err != nil {
		return err
	}
	c.Header("ETag", proposalETag(p))
	c.JSON(http.StatusOK, out)
	return nil
}

// similarProposals lists up to five open proposals of p's community whose
// text is close to p's.
func (s *server) similarProposals(c *gin.Context, p *ent.Proposal) ([]similarProposal, error) {
	matches, err := proposals.Similar(c.Request.Context(), s.Store.Client, p, 5)
	if err != nil {
		return nil, err
	}
	var out []similarProposal
	for _, m := range matches {
		out = append(out, similarProposal{ID: m.Proposal.ID, Title: m.Proposal.Title,
			Status: string(m.Proposal.Status), Score: m.Score})
	}
	return out, nil
}

// revealsPhone reports whether p's answer shows its author's full phone to
// a caller who is not the author (staff reading personal data).
func revealsPhone(c *gin.Context, p *ent.Proposal, personal bool) bool {
	return personal && p.AuthorPhone != "" && (p.AuthorID == nil || *p.AuthorID != caller(c).UserID)
}

// boolCount is 1 for true, for counting revealed records.
func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}
