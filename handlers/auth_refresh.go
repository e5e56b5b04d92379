package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/internal/accounts"
	"yishi/internal/apperr"
)

// refresh godoc
//
//	@ID		refreshSession
//	@Summary	Exchange a refresh token for a new token pair
//	@Description	Each refresh token works once. Presenting one that was already used revokes its whole family (every session descended from that login).
//	@Tags		auth
//	@Accept		json
//	@Produce	json
//	@Param		body	body		refreshRequest	true	"the refresh token"
//	@Success	200		{object}	tokenResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many failed attempts from this address; see Retry-After"
//	@Router		/v1/auth/refresh [post]
func (s *server) refresh(c *gin.Context) error {
	ctx, addr := c.Request.Context(), c.ClientIP()
	if err := refuseWhile(s.Logins.CheckAddress(ctx, addr)); err != nil {
		return err
	}
	var req refreshRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	userID, next, err := s.Sessions.Rotate(ctx, req.RefreshToken)
	if err != nil {
		s.Logger.InfoContext(ctx, "refresh refused", "err", err, "request_id", requestID(c))
		if ferr := s.Logins.AddressFailed(ctx, addr); ferr != nil {
			return ferr
		}
		return apperr.Unauthorized("the refresh token is invalid, expired or already used")
	}
	if _, err := accounts.Active(ctx, s.Store.Client, userID); err != nil {
		_ = s.Sessions.Revoke(ctx, next)
		return err
	}
	return s.writeTokens(c, userID, next)
}

// logout godoc
//
//	@ID		logoutSession
//	@Summary	Sign out
//	@Description	Revokes the refresh token's family. Access tokens already issued expire on their own (15 minutes).
//	@Tags		auth
//	@Accept		json
//	@Param		body	body	refreshRequest	true	"the refresh token"
//	@Success	204
//	@Failure	400	{object}	problem
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/auth/logout [post]
func (s *server) logout(c *gin.Context) error {
	var req refreshRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.Sessions.Revoke(c.Request.Context(), req.RefreshToken); err != nil {
		s.Logger.InfoContext(c.Request.Context(), "logout of unknown token", "err", err)
	}
	c.Status(http.StatusNoContent)
	return nil
}

// getJWKS godoc
//
//	@ID		getJwks
//	@Summary	Public keys that verify access tokens
//	@Description	Ed25519 keys (EdDSA); a rotated-out key stays listed while tokens it signed can still be valid.
//	@Tags		auth
//	@Produce	json
//	@Success	200	{object}	authz.JWKSDocument
//	@Router		/.well-known/jwks.json [get]
func (s *server) getJWKS(c *gin.Context) error {
	c.Header("Cache-Control", "public, max-age=300")
	c.JSON(http.StatusOK, s.Keys.JWKS())
	return nil
}
