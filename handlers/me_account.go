package handlers

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/accounts"
	"yishi/internal/apperr"
)

// selfUser is the signed-in person's id; partner-app tokens have none.
func selfUser(c *gin.Context) (int, error) {
	v := caller(c)
	if v.UserID == 0 {
		return 0, apperr.Forbidden("this endpoint is for user tokens")
	}
	return v.UserID, nil
}

// confirmPassword checks the signed-in person's password under the login
// throttle (a stolen access token must not become a password oracle) and
// answers 400 password.wrong naming field when it is wrong.
func (s *server) confirmPassword(c *gin.Context, id int, field, pw string) (*ent.User, error) {
	ctx, addr := c.Request.Context(), c.ClientIP()
	acct, err := accounts.Active(ctx, s.Store.Client, id)
	if err != nil {
		return nil, err
	}
	if err := refuseWhile(s.Logins.CheckLogin(ctx, acct.Phone, addr)); err != nil {
		return nil, err
	}
	u, err := accounts.CheckPassword(ctx, s.Store.Client, s.Passwords, id, pw)
	if errors.Is(err, accounts.ErrBadCredentials) {
		if ferr := s.Logins.LoginFailed(ctx, acct.Phone, addr); ferr != nil {
			return nil, ferr
		}
		return nil, errWrongPassword(field)
	}
	return u, err
}

// changeMyPassword godoc
//
//	@Summary	Change the signed-in person's password
//	@Description	Needs the current password (400 password.wrong naming current_password; failures are throttled like sign-in). Revokes every other session: every refresh-token family of the account except the one of refresh_token, when given (without it, all of them). Access tokens already issued expire within 15 minutes. The new password must not be one of the 10,000 most common passwords nor the phone number (400 password.weak naming new_password).
//	@ID			changeMyPassword
//	@Tags		auth
//	@Accept		json
//	@Security	BearerAuth
//	@Param		body	body	changePasswordRequest	true	"current and new password"
//	@Success	204
//	@Failure	400	{object}	problem	"request.invalid, password.wrong or password.weak"
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem	"partner-app tokens have no user"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429	{object}	problem	"auth.throttled after wrong passwords, or write.rate_limited; see Retry-After"
//	@Failure	503	{object}	problem	"server.busy: every password-hashing slot is taken; see Retry-After"
//	@Router		/v1/me/password [post]
func (s *server) changeMyPassword(c *gin.Context) error {
	id, err := selfUser(c)
	if err != nil {
		return err
	}
	var req changePasswordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u, err := s.confirmPassword(c, id, "current_password", req.CurrentPassword)
	if err != nil {
		return err
	}
	if why := s.CommonPasswords.Refuse(req.NewPassword, u.Phone); why != "" {
		return weakPasswordIn("new_password", why)
	}
	ctx := c.Request.Context()
	if err := accounts.SetPassword(ctx, s.Store.Client, s.Passwords, u, req.NewPassword); err != nil {
		return err
	}
	if err := s.Sessions.RevokeUserExcept(ctx, u.ID, req.RefreshToken); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// updateMe godoc
//
//	@Summary	Edit the signed-in person's profile
//	@Description	Changes the display name shown to staff and neighbours (names already copied onto proposals and timelines stay as they were written).
//	@ID			updateMe
//	@Tags		auth
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		body	body		updateMeRequest	true	"the new name"
//	@Success	200		{object}	userResponse
//	@Failure	400		{object}	problem	"request.invalid naming name"
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem	"partner-app tokens have no user"
//	@Failure	415		{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429		{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/me [patch]
func (s *server) updateMe(c *gin.Context) error {
	id, err := selfUser(c)
	if err != nil {
		return err
	}
	var req updateMeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx := c.Request.Context()
	if _, err := accounts.Active(ctx, s.Store.Client, id); err != nil {
		return err
	}
	u, err := accounts.Rename(ctx, s.Store.Client, id, req.Name)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newUserResponse(u))
	return nil
}

// exportMe godoc
//
//	@Summary	Export everything held about the signed-in person
//	@Description	PIPL right of access: the profile with the recorded privacy consent, memberships (with address), role assignments, the talent record (null until the talent registry records one), proposals authored, comments, co-signatures, feedback, notifications, and the non-anonymous votes taken part in, as "voted in vote N" only (never the choice; anonymous votes are not listed at all).
//	@ID			exportMe
//	@Tags		auth
//	@Produce	json
//	@Security	BearerAuth
//	@Success	200	{object}	accounts.Export
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem	"partner-app tokens have no user"
//	@Router		/v1/me/export [get]
func (s *server) exportMe(c *gin.Context) error {
	id, err := selfUser(c)
	if err != nil {
		return err
	}
	out, err := accounts.ExportOf(c.Request.Context(), s.Store.Client, id, s.now())
	if err != nil {
		return err
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
	return nil
}

// deleteMe godoc
//
//	@Summary	Delete the signed-in person's account
//	@Description	PIPL right to deletion, confirmed with the password (400 password.wrong; throttled like sign-in). The account is anonymized, not removed: name, phone and password are erased, the person shows as "已注销用户" wherever a name is shown (proposals, timelines, member lists), membership addresses and notifications are removed, and every refresh token is revoked. Counts, tallies, published ballots and timelines stay valid because the rows that count keep the user id. The audit log records the deletion by user id only. The phone is free to register a new, unrelated account.
//	@ID			deleteMe
//	@Tags		auth
//	@Accept		json
//	@Security	BearerAuth
//	@Param		body	body	deleteMeRequest	true	"the password, to confirm"
//	@Success	204
//	@Failure	400	{object}	problem	"request.invalid or password.wrong"
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem	"partner-app tokens have no user"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429	{object}	problem	"auth.throttled after wrong passwords, or write.rate_limited; see Retry-After"
//	@Failure	503	{object}	problem	"server.busy: every password-hashing slot is taken; see Retry-After"
//	@Router		/v1/me [delete]
func (s *server) deleteMe(c *gin.Context) error {
	id, err := selfUser(c)
	if err != nil {
		return err
	}
	var req deleteMeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	u, err := s.confirmPassword(c, id, "password", req.Password)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	if err := accounts.Anonymize(ctx, s.Store.Client, s.Store.Dialect, u, requestID(c), s.now()); err != nil {
		return err
	}
	if err := s.Sessions.RevokeUser(ctx, u.ID); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
