package handlers

import (
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// requireAuth verifies the bearer access token and puts the viewer (with
// its scopes, read from the in-memory policy) into the request context.
// Every /v1 route except the token endpoints sits behind it.
func (s *server) requireAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		scheme, raw, _ := strings.Cut(c.GetHeader("Authorization"), " ")
		if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(raw) == "" { // schemes are case-insensitive (RFC 9110)
			writeError(c, s.Logger, apperr.Unauthorized("a bearer access token is required"))
			return
		}
		claims, err := s.Tokens.VerifyAccess(strings.TrimSpace(raw))
		if err != nil {
			writeError(c, s.Logger, apperr.Unauthorized("the access token is invalid or expired"))
			return
		}
		v := &viewer.Viewer{
			Subject:  claims.Subject,
			UserID:   claims.UserID,
			ClientID: claims.ClientID,
			Scopes:   s.Policy.Scopes(claims.Subject),
			Platform: s.Policy.IsPlatformAdmin(claims.Subject),
		}
		v.StaffScopes, v.CommunityScopes = s.Policy.RoleScopes(claims.Subject)
		if s.Policy.DropSuspended(v) {
			writeError(c, s.Logger, errTenantSuspended())
			return
		}
		if claims.ClientID > 0 {
			v.TokenScopes = append([]string{}, claims.Scopes...)
		}
		c.Request = c.Request.WithContext(viewer.NewContext(c.Request.Context(), v))
		c.Next()
	}
}
