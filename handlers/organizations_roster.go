package handlers

import (
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/organizations"
	"yishi/internal/units"
)

// updateOrganizationRequest changes an organization; absent fields stay.
type updateOrganizationRequest struct {
	Name        *string `json:"name,omitempty" maxLength:"200"`
	Description *string `json:"description,omitempty" maxLength:"2000"`
	Status      *string `json:"status,omitempty" enums:"active,dissolved"`
}

func (r *updateOrganizationRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Name != nil {
		if msg := units.ValidateName(*r.Name); msg != "" {
			out = append(out, apperr.FieldError{Field: "name", Message: msg})
		}
	}
	if r.Description != nil && utf8.RuneCountInString(*r.Description) > 2000 {
		out = append(out, apperr.FieldError{Field: "description", Message: "must be at most 2000 characters"})
	}
	if r.Status != nil && *r.Status != "active" && *r.Status != "dissolved" {
		out = append(out, apperr.FieldError{Field: "status", Message: "must be active or dissolved"})
	}
	return out
}

// organizationRosterEntry is one person of an organization's roster.
type organizationRosterEntry struct {
	ID             int       `json:"id"`
	OrganizationID int       `json:"organization_id"`
	UserID         int       `json:"user_id"`
	Name           string    `json:"name"`
	Role           string    `json:"role" enums:"leader,member"`
	CreatedAt      time.Time `json:"created_at"`
}

// getOrganization godoc
//
//	@Summary	Read an organization
//	@ID			getOrganization
//	@Tags		organizations
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"organization id"
//	@Success	200	{object}	organizationResponse
//	@Failure	400	{object}	problem
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem	"organization.not_found"
//	@Router		/v1/organizations/{id} [get]
func (s *server) getOrganization(c *gin.Context) error {
	c.JSON(http.StatusOK, s.organizationResponder(c)(targetOf[*ent.Organization](c)))
	return nil
}

// updateOrganization godoc
//
//	@Summary	Rename, describe or dissolve an organization
//	@ID			updateOrganization
//	@Tags		organizations
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int							true	"organization id"
//	@Param		body	body		updateOrganizationRequest	true	"the changes"
//	@Success	200		{object}	organizationResponse
//	@Failure	400		{object}	problem	"invalid fields, named"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"organization.not_found"
//	@Failure	409		{object}	problem	"organization.name_taken"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/organizations/{id} [patch]
func (s *server) updateOrganization(c *gin.Context) error {
	var req updateOrganizationRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	o, err := organizations.Update(c.Request.Context(), s.Store.Client, targetOf[*ent.Organization](c),
		organizations.Patch{Name: req.Name, Description: req.Description, Status: req.Status})
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, s.organizationResponder(c)(o))
	return nil
}

// listOrganizationMembers godoc
//
//	@Summary	List an organization's roster
//	@ID			listOrganizationMembers
//	@Tags		organizations
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"organization id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[organizationRosterEntry]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem	"organization.not_found"
//	@Router		/v1/organizations/{id}/members [get]
func (s *server) listOrganizationMembers(c *gin.Context) error {
	o := targetOf[*ent.Organization](c)
	return respondPage(c, func(p page) ([]organizations.Member, error) {
		return organizations.Roster(c.Request.Context(), s.Store.Client, o.ID, p.After, p.Limit+1)
	}, func(m organizations.Member) int { return m.Row.ID }, func(m organizations.Member) organizationRosterEntry {
		return organizationRosterEntry{ID: m.Row.ID, OrganizationID: m.Row.OrganizationID, UserID: m.Row.UserID,
			Name: m.Name, Role: string(m.Row.Role), CreatedAt: m.Row.CreatedAt.UTC()}
	})
}

// removeOrganizationMember godoc
//
//	@Summary	Take a person off an organization's roster
//	@ID			removeOrganizationMember
//	@Tags		organizations
//	@Security	BearerAuth
//	@Param		id		path	int	true	"organization id"
//	@Param		user_id	path	int	true	"user id"
//	@Success	204
//	@Failure	400	{object}	problem
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem	"organization.not_found, organization_member.not_found"
//	@Failure	429	{object}	problem	"too many writes; see Retry-After"
//	@Router		/v1/organizations/{id}/members/{user_id} [delete]
func (s *server) removeOrganizationMember(c *gin.Context) error {
	uid, err := pathID(c, "user_id", "organization_member")
	if err != nil {
		return err
	}
	if err := organizations.RemoveMember(c.Request.Context(), s.Store.Client, targetOf[*ent.Organization](c), uid); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
