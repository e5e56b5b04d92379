package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/accounts"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
	"yishi/internal/store"
)

// createProposal godoc
//
//	@ID		createProposal
//	@Summary	File a proposal (as a draft)
//	@Description	Residents file online for themselves (proposal:create). Guides enter offline submissions — mailbox letters, face-to-face and Tuesday talks, grid visits, hotline calls — on a resident's behalf (proposal:create_on_behalf), naming a registered author or an unregistered person whose phone is stored and shown masked. The response lists similar open proposals of the same community so the resident can co-sign one instead. allowed_actions lists what the caller may do with the new draft (see GET /v1/proposals/{id}).
//	@Tags		proposals
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"unit id"
//	@Param		body	body		createProposalRequest	true	"the proposal"
//	@Success	201		{object}	proposalResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	422		{object}	problem	"author_id names no user"
//	@Failure	409		{object}	problem	"unit.archived: the unit or a unit above it is archived"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/units/{id}/proposals [post]
func (s *server) createProposal(c *gin.Context) error {
	var req createProposalRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	n, err := s.proposalIntake(c, targetOf[*ent.Unit](c), req)
	if err != nil {
		return err
	}
	ctx, by := c.Request.Context(), s.actor(c)
	var p *ent.Proposal
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		p, err = proposals.Create(ctx, tx, n, by)
		return err
	})
	if err != nil {
		return err
	}
	out := s.proposalView(c, p)
	if out.Similar, err = s.similarProposals(c, p); err != nil {
		return err
	}
	c.Header("Location", "/v1/proposals/"+strconv.Itoa(p.ID))
	c.Header("ETag", proposalETag(p))
	c.JSON(http.StatusCreated, out)
	return nil
}

// proposalIntake checks who may file what and builds the new proposal.
func (s *server) proposalIntake(c *gin.Context, u *ent.Unit, req createProposalRequest) (proposals.NewProposal, error) {
	v := caller(c)
	n := proposals.NewProposal{Unit: u, Title: req.Title, Body: req.Body, Kind: req.Kind, Channel: req.Channel,
		CategoryCode: req.CategoryCode, Address: req.Address, OrganizationID: req.OrganizationID,
		CosignThreshold: req.CosignThreshold, CosignDeadline: req.CosignDeadline}
	if req.Channel == "online" {
		if err := s.decide(c, "proposal:create", accessTarget(c), access.Subtree); err != nil {
			return n, err
		}
		if v.UserID == 0 {
			return n, apperr.Invalid(apperr.FieldError{Field: "channel", Message: "partner apps enter offline channels on a resident's behalf"})
		}
		if req.AuthorID != nil || req.AuthorName != "" || req.AuthorPhone != "" {
			return n, apperr.Invalid(apperr.FieldError{Field: "author_id", Message: "online proposals are filed by their author"})
		}
		me, err := accounts.Self(c.Request.Context(), s.Store.Client, v.UserID)
		if err != nil {
			return n, err
		}
		n.AuthorID, n.AuthorName = &me.ID, me.Name
	} else if err := s.offlineAuthor(c, u, req, &n); err != nil {
		return n, err
	}
	if err := s.checkCategory(c, u, req.CategoryCode); err != nil {
		return n, err
	}
	return n, s.checkOrganization(c, u, req.OrganizationID, n.AuthorID)
}

// offlineAuthor fills the author of a proposal a guide enters for someone.
func (s *server) offlineAuthor(c *gin.Context, u *ent.Unit, req createProposalRequest, n *proposals.NewProposal) error {
	if err := s.decide(c, "proposal:create_on_behalf", accessTarget(c), access.Subtree); err != nil {
		return err
	}
	n.EnteredBy = userIDPtr(caller(c))
	if req.AuthorID != nil {
		a, err := s.tenantMember(c, u.TenantID, *req.AuthorID)
		if err != nil {
			return err
		}
		n.AuthorID, n.AuthorName = &a.ID, a.Name
		return nil
	}
	if strings.TrimSpace(req.AuthorName) == "" {
		return apperr.Invalid(apperr.FieldError{Field: "author_name", Message: "name the author, or give author_id"})
	}
	n.AuthorName, n.AuthorPhone = strings.TrimSpace(req.AuthorName), req.AuthorPhone
	return nil
}

// checkCategory: a category, when given, must be an active encouraged
// item of the subdistrict.
func (s *server) checkCategory(c *gin.Context, u *ent.Unit, code string) error {
	if code == "" {
		return nil
	}
	ok, err := proposals.IsActiveCategory(c.Request.Context(), s.Store.Client, u.TenantID, code)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.Invalid(apperr.FieldError{Field: "category_code", Message: "is not an active encouraged category of this subdistrict"})
	}
	return nil
}

// checkOrganization: an organizational proposal comes from a person who
// leads the organization, inside the same subdistrict.
func (s *server) checkOrganization(c *gin.Context, u *ent.Unit, orgID, authorID *int) error {
	if orgID == nil {
		return nil
	}
	leads := false
	if authorID != nil {
		var err error
		leads, err = proposals.LeadsOrganization(c.Request.Context(), s.Store.Client, u.TenantID, *orgID, *authorID)
		if err != nil {
			return err
		}
	}
	if !leads {
		return apperr.Invalid(apperr.FieldError{Field: "organization_id", Message: "the author does not lead this organization"})
	}
	return nil
}

// actor is the caller as recorded on a proposal's timeline.
func (s *server) actor(c *gin.Context) proposals.Actor {
	v := caller(c)
	a := proposals.Actor{Subject: v.Subject, UserID: v.UserID}
	if v.UserID > 0 {
		if u, err := accounts.Self(c.Request.Context(), s.Store.Client, v.UserID); err == nil {
			a.Name = u.Name
		}
	}
	return a
}

// tenantMember returns the registered author a guide names, who must be a
// member somewhere in the subdistrict. A missing user and a user of
// another tenant get the same 400, so the answer reveals nobody.
func (s *server) tenantMember(c *gin.Context, tenantID, userID int) (*ent.User, error) {
	ok, err := proposals.IsTenantMember(c.Request.Context(), s.Store.Client, tenantID, userID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.Invalid(apperr.FieldError{Field: "author_id", Message: "is not a member of this subdistrict"})
	}
	return accounts.Self(c.Request.Context(), s.Store.Client, userID)
}
