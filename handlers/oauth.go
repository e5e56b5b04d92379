package handlers

import (
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/internal/apperr"
	"yishi/internal/clients"
)

// issueClientToken godoc
//
//	@ID		issueClientToken
//	@Summary	OAuth 2.0 client_credentials token for partner apps
//	@Description	RFC 6749 §4.4. Send client_id and client_secret as HTTP Basic auth or as form fields. The token is bound to the client's tenant; `scope` (space-separated) may narrow the client's scopes. Errors are problem+json with codes oauth.invalid_request, oauth.invalid_client, oauth.unsupported_grant_type and oauth.invalid_scope.
//	@Tags		auth
//	@Accept		x-www-form-urlencoded
//	@Produce	json
//	@Param		grant_type		formData	string	true	"client_credentials"
//	@Param		client_id		formData	string	false	"unless sent as Basic auth"
//	@Param		client_secret	formData	string	false	"unless sent as Basic auth"
//	@Param		scope			formData	string	false	"space-separated subset of the client's scopes"
//	@Success	200				{object}	tokenResponse
//	@Failure	400				{object}	problem
//	@Failure	401				{object}	problem
//	@Failure	429				{object}	problem
//	@Router		/v1/oauth/token [post]
func (s *server) issueClientToken(c *gin.Context) error {
	ctx, addr := c.Request.Context(), c.ClientIP()
	if err := refuseWhile(s.Logins.CheckAddress(ctx, addr)); err != nil {
		return err
	}
	if c.PostForm("grant_type") != "client_credentials" {
		return oauthError(apperr.KindInvalid, "unsupported_grant_type", "grant_type must be client_credentials")
	}
	id, secret, ok := c.Request.BasicAuth()
	if !ok {
		id, secret = c.PostForm("client_id"), c.PostForm("client_secret")
	}
	if id == "" || secret == "" || len(id) > 64 || len(secret) > 128 {
		return oauthError(apperr.KindInvalid, "invalid_request", "client_id and client_secret are required")
	}
	// No client id holds a control character or invalid UTF-8, and
	// PostgreSQL refuses both in a query parameter: refuse them here rather
	// than answer 500.
	if hasControl(id) || !utf8.ValidString(id) {
		return oauthError(apperr.KindInvalid, "invalid_request", "client_id is malformed")
	}
	ac, ok, err := clients.Authenticate(ctx, s.Store.Client, id, secret)
	if err != nil {
		return err
	}
	if !ok {
		if err := s.Logins.AddressFailed(ctx, addr); err != nil {
			return err
		}
		return oauthError(apperr.KindUnauthorized, "invalid_client", "unknown client or wrong secret")
	}
	scopes := ac.Scopes
	if req := strings.Fields(c.PostForm("scope")); len(req) > 0 {
		for _, sc := range req {
			if !slices.Contains(ac.Scopes, sc) {
				return oauthError(apperr.KindInvalid, "invalid_scope", sc+" is not granted to this client")
			}
		}
		scopes = req
	}
	token, exp, err := s.Tokens.IssueAccess(authz.AccessClaimsInput{
		Subject: authz.ClientSubject(ac.ID), TenantID: ac.TenantID, Scopes: scopes})
	if err != nil {
		return err
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, tokenResponse{AccessToken: token, TokenType: "Bearer",
		ExpiresIn: int(exp.Sub(s.now()).Seconds()), Scope: strings.Join(scopes, " ")})
	return nil
}

func oauthError(kind apperr.Kind, code, detail string) *apperr.Error {
	return &apperr.Error{Kind: kind, Code: "oauth." + code, Detail: detail}
}
