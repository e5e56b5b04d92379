package handlers

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/clients"
)

// createAPIClient godoc
//
//	@ID		createApiClient
//	@Summary	Register a partner app
//	@Description	tenant_admin only. The app acts with the given role at this unit, narrowed to its scopes. The secret is returned once and stored only as a hash. Audited.
//	@Tags		api-clients
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"unit id"
//	@Param		body	body		createAPIClientRequest	true	"the app"
//	@Success	201		{object}	apiClientResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/units/{id}/api-clients [post]
func (s *server) createAPIClient(c *gin.Context) error {
	var req createAPIClientRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.decide(c, "role_assignment:grant:"+req.Role, accessTarget(c), access.Subtree); err != nil {
		return err
	}
	u := targetOf[*ent.Unit](c)
	creds, err := clients.NewCredentials()
	if err != nil {
		return err
	}
	v := caller(c)
	ac, err := clients.Register(c.Request.Context(), s.Store.Client, u, clients.NewClient{
		Name: req.Name, Role: req.Role, Scopes: req.Scopes, Creds: creds, CreatedBy: userIDPtr(v),
		Actor: v.Subject, RequestID: requestID(c),
	}, func(ctx context.Context, tx *ent.Tx, ac *ent.APIClient) error {
		_, err := s.Policy.WriteGrant(ctx, tx, authz.Grant{ClientID: &ac.ID, Role: req.Role, Unit: u,
			GrantedBy: userIDPtr(v), Actor: v.Subject, RequestID: requestID(c)})
		return err
	})
	if err != nil {
		return err
	}
	s.syncPolicy(c)
	out := newAPIClientResponse(ac)
	out.ClientSecret = creds.Secret
	c.Header("Cache-Control", "no-store")
	c.Header("Location", "/v1/api-clients/"+strconv.Itoa(ac.ID))
	c.JSON(http.StatusCreated, out)
	return nil
}

// listAPIClients godoc
//
//	@ID		listApiClients
//	@Summary	List the partner apps registered at a unit
//	@Tags		api-clients
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[apiClientResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/api-clients [get]
func (s *server) listAPIClients(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.APIClient, error) {
		return clients.AtUnit(c.Request.Context(), s.Store.Client, u.ID, p.After, p.Limit+1)
	}, func(a *ent.APIClient) int { return a.ID }, newAPIClientResponse)
}

// deleteAPIClient godoc
//
//	@ID		deleteApiClient
//	@Summary	Revoke a partner app
//	@Description	Its role is revoked at once on every instance; tokens it already holds stop authorizing anything. Audited.
//	@Tags		api-clients
//	@Security	BearerAuth
//	@Param		id	path	int	true	"api client id"
//	@Success	204
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/api-clients/{id} [delete]
func (s *server) deleteAPIClient(c *gin.Context) error {
	ac, v := targetOf[*ent.APIClient](c), caller(c)
	err := clients.Revoke(c.Request.Context(), s.Store.Client, ac, s.now(), clients.Revocation{
		Subject: authz.ClientSubject(ac.ID), Actor: v.Subject, RequestID: requestID(c),
		Revoke: func(ctx context.Context, tx *ent.Tx, ra *ent.RoleAssignment) error {
			return s.Policy.WriteRevoke(ctx, tx, ra, userIDPtr(v), v.Subject, requestID(c))
		},
	})
	if err != nil {
		return err
	}
	if ac.RevokedAt == nil {
		s.syncPolicy(c)
	}
	c.Status(http.StatusNoContent)
	return nil
}
