package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/internal/accounts"
	"yishi/internal/apperr"
	"yishi/internal/grants"
	"yishi/internal/members"
	"yishi/internal/organizations"
)

// meResponse is the caller with their live roles and memberships, so a
// front end can decide which consoles and units to show.
type meResponse struct {
	userResponse
	RoleAssignments []roleAssignmentResponse `json:"role_assignments"`
	Memberships     []memberResponse         `json:"memberships"`
	// Organizations are the caller's self-organizations (and companies,
	// branches) with their role: those with role leader are what they lead.
	Organizations []organizations.Mine `json:"organizations"`
}

// getMe godoc
//
//	@ID		getMe
//	@Summary	The signed-in user, with role assignments and memberships
//	@Tags		auth
//	@Produce	json
//	@Security	BearerAuth
//	@Success	200	{object}	meResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem	"partner-app tokens have no user"
//	@Router		/v1/me [get]
func (s *server) getMe(c *gin.Context) error {
	v := caller(c)
	if v.UserID == 0 {
		return apperr.Forbidden("this endpoint is for user tokens")
	}
	ctx := c.Request.Context()
	u, err := accounts.Self(ctx, s.Store.Client, v.UserID)
	if err != nil {
		return err
	}
	roles, err := grants.Live(ctx, s.Store.Client, authz.UserSubject(u.ID))
	if err != nil {
		return err
	}
	mine, err := members.OfUser(ctx, s.Store.Client, u.ID)
	if err != nil {
		return err
	}
	orgs, err := organizations.OfUser(ctx, s.Store.Client, u.ID)
	if err != nil {
		return err
	}
	out := meResponse{userResponse: newUserResponse(u), Organizations: orgs,
		RoleAssignments: make([]roleAssignmentResponse, 0, len(roles)),
		Memberships:     make([]memberResponse, 0, len(mine))}
	for _, r := range roles {
		out.RoleAssignments = append(out.RoleAssignments, newRoleAssignmentResponse(r))
	}
	for _, m := range mine {
		out.Memberships = append(out.Memberships, newMemberResponse(m, true))
	}
	c.JSON(http.StatusOK, out)
	return nil
}

// roleCatalogResponse lists every role and its permissions.
type roleCatalogResponse struct {
	Items []authz.RoleInfo `json:"items"`
}

// listRoles godoc
//
//	@ID		listRoles
//	@Summary	The role catalog
//	@Description	Each role with its rank (higher is stronger) and its permissions as "object:action". A role held at a unit applies to that unit and its whole subtree.
//	@Tags		roles
//	@Produce	json
//	@Security	BearerAuth
//	@Success	200	{object}	roleCatalogResponse
//	@Failure	401	{object}	problem
//	@Router		/v1/roles [get]
func (s *server) listRoles(c *gin.Context) error {
	c.JSON(http.StatusOK, roleCatalogResponse{Items: authz.Roles()})
	return nil
}
