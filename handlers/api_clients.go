package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/authz/access"
	"yishi/ent"
	"yishi/ent/apiclient"
	"yishi/ent/roleassignment"
	"yishi/internal/audit"
	"yishi/internal/clients"
	"yishi/internal/store"
)

// createAPIClient godoc
//
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
	ctx, v := c.Request.Context(), caller(c)
	var ac *ent.APIClient
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		ac, err = tx.APIClient.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
			SetClientID(creds.ClientID).SetSecretHash(creds.SecretHash).SetName(req.Name).
			SetRole(req.Role).SetScopes(req.Scopes).SetNillableCreatedBy(userIDPtr(v)).Save(ctx)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.Entry{TenantID: &u.TenantID, UnitPath: u.Path, Actor: v.Subject,
			Action: "api_client.create", TargetType: "api_client", TargetID: ac.ID, RequestID: requestID(c),
			Detail: map[string]any{"role": req.Role, "scopes": req.Scopes}}); err != nil {
			return err
		}
		_, err = s.Policy.WriteGrant(ctx, tx, authz.Grant{ClientID: &ac.ID, Role: req.Role, Unit: u,
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
		return s.Store.Client.APIClient.Query().Where(apiclient.UnitID(u.ID), apiclient.IDGT(p.After)).
			Order(ent.Asc(apiclient.FieldID)).Limit(p.Limit + 1).All(c.Request.Context())
	}, func(a *ent.APIClient) int { return a.ID }, newAPIClientResponse)
}

// deleteAPIClient godoc
//
//	@Summary	Revoke a partner app
//	@Description	Its role is revoked at once on every instance; tokens it already holds stop authorizing anything. Audited.
//	@Tags		api-clients
//	@Security	BearerAuth
//	@Param		id	path	int	true	"api client id"
//	@Success	204
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/api-clients/{id} [delete]
func (s *server) deleteAPIClient(c *gin.Context) error {
	ac := targetOf[*ent.APIClient](c)
	ctx, v := c.Request.Context(), caller(c)
	if ac.RevokedAt != nil {
		c.Status(http.StatusNoContent)
		return nil
	}
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		if err := tx.APIClient.UpdateOneID(ac.ID).SetRevokedAt(s.now()).Exec(ctx); err != nil {
			return err
		}
		grants, err := tx.RoleAssignment.Query().Where(roleassignment.Subject(authz.ClientSubject(ac.ID)),
			roleassignment.RevokedAtIsNil()).All(ctx)
		if err != nil {
			return err
		}
		for _, g := range grants {
			if err := s.Policy.WriteRevoke(ctx, tx, g, userIDPtr(v), v.Subject, requestID(c)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &ac.TenantID, UnitPath: ac.UnitPath, Actor: v.Subject,
			Action: "api_client.revoke", TargetType: "api_client", TargetID: ac.ID, RequestID: requestID(c)})
	})
	if err != nil {
		return err
	}
	s.syncPolicy(c)
	c.Status(http.StatusNoContent)
	return nil
}
