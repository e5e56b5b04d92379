package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/organizations"
)

// createOrganization godoc
//
//	@ID		createOrganization
//	@Summary	Register an organization at a unit
//	@Description	Self-organizations, property companies, merchants, party branches and departments. Organizational proposals are filed for one by its leader; tasks can be assigned to one.
//	@Tags		organizations
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int							true	"unit id"
//	@Param		body	body		createOrganizationRequest	true	"the organization"
//	@Success	201		{object}	organizationResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"name already used at this unit"
//	@Router		/v1/units/{id}/organizations [post]
func (s *server) createOrganization(c *gin.Context) error {
	var req createOrganizationRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u := targetOf[*ent.Unit](c)
	o, err := organizations.Create(c.Request.Context(), s.Store.Client, u,
		organizations.New{Name: req.Name, Kind: req.Kind, Description: req.Description})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/organizations/"+strconv.Itoa(o.ID))
	c.JSON(http.StatusCreated, s.organizationResponder(c)(o))
	return nil
}

// listOrganizations godoc
//
//	@ID		listOrganizations
//	@Summary	List the organizations registered at a unit
//	@Description	Oldest first. Each organization's allowed_actions names what the caller may do to it now: add_member (POST /v1/organizations/{id}/members), decided by that route's own rule.
//	@Tags		organizations
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[organizationResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/organizations [get]
func (s *server) listOrganizations(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.Organization, error) {
		return organizations.AtUnit(c.Request.Context(), s.Store.Client, u.ID, p.After, p.Limit+1)
	}, func(o *ent.Organization) int { return o.ID }, s.organizationResponder(c))
}

// addOrganizationMember godoc
//
//	@ID		addOrganizationMember
//	@Summary	Add a member or leader to an organization
//	@Description	The user must be known to the tenant (a membership or a live role in it); anyone else answers exactly like an id of nobody (422 user.not_found).
//	@Tags		organizations
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int								true	"organization id"
//	@Param		body	body		addOrganizationMemberRequest	true	"the member"
//	@Success	201		{object}	organizationMemberResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"already a member"
//	@Failure	422		{object}	problem	"no such user"
//	@Router		/v1/organizations/{id}/members [post]
func (s *server) addOrganizationMember(c *gin.Context) error {
	var req addOrganizationMemberRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	o := targetOf[*ent.Organization](c)
	if err := s.requireKnownUser(c, o.TenantID, req.UserID); err != nil {
		return err
	}
	m, err := organizations.AddMember(c.Request.Context(), s.Store.Client, o, req.UserID, req.Role)
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, organizationMemberResponse{ID: m.ID, OrganizationID: m.OrganizationID,
		UserID: m.UserID, Role: string(m.Role), CreatedAt: m.CreatedAt.UTC()})
	return nil
}
