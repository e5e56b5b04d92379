package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/internal/accounts"
	"yishi/internal/sms"
)

// requestCode godoc
//
//	@Summary	Send a one-time code to a phone
//	@Description	Always 202 with the same body, whether or not the phone has an account, so the answer does not reveal who uses the platform: a `register` code is delivered only to a phone without an account and a `reset` code only to one with an account, but the request does the same work either way and delivery runs in the background (YISHI_SMS_SENDER). Codes are 6 digits, expire after 10 minutes, allow 5 tries and work once; a new code retires the previous one. Requests are throttled per phone and per client address (429 auth.throttled with Retry-After). The body also names the privacy notice version a registration must consent to.
//	@ID			requestAuthCode
//	@Tags		auth
//	@Accept		json
//	@Produce	json
//	@Param		body	body		codeRequest	true	"the phone and what the code is for"
//	@Success	202		{object}	codeResponse
//	@Failure	400		{object}	problem	"request.invalid: phone or purpose invalid"
//	@Failure	415		{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429		{object}	problem	"auth.throttled: too many codes for this phone or from this address; see Retry-After"
//	@Router		/v1/auth/codes [post]
func (s *server) requestCode(c *gin.Context) error {
	ctx, addr := c.Request.Context(), c.ClientIP()
	var req codeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := refuseWhile(s.Logins.CheckCode(ctx, req.Phone, addr)); err != nil {
		return err
	}
	if err := s.Logins.CodeRequested(ctx, req.Phone, addr); err != nil {
		return err
	}
	code, err := accounts.IssueCode(ctx, s.Store.Client, req.Phone, req.Purpose, s.now())
	if err != nil {
		return err
	}
	if code.Deliver {
		// Send returns at once (sms.Async): delivery neither delays the
		// answer nor shows in its timing.
		_ = s.SMS.Send(ctx, sms.Message{Phone: req.Phone, Code: code.Code, Purpose: req.Purpose, ExpiresAt: code.ExpiresAt})
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusAccepted, codeResponse{ExpiresIn: int(accounts.CodeTTL.Seconds()),
		PrivacyNoticeVersion: s.Config.PrivacyNoticeVersion})
	return nil
}

// resetPassword godoc
//
//	@Summary	Set a new password with a reset code
//	@Description	Needs a `reset` code from POST /v1/auth/codes. Sets the password and revokes every refresh-token family of the account (every device signs in again; access tokens already issued expire within 15 minutes). A wrong, expired or used code, and a phone without an account, all answer 400 code.invalid naming `code`. The password must not be one of the 10,000 most common passwords nor the phone number (400 password.weak).
//	@ID			resetPassword
//	@Tags		auth
//	@Accept		json
//	@Param		body	body	passwordResetRequest	true	"phone, code and the new password"
//	@Success	204
//	@Failure	400	{object}	problem	"request.invalid, code.invalid or password.weak"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Failure	429	{object}	problem	"auth.throttled: too many failed attempts from this address; see Retry-After"
//	@Failure	503	{object}	problem	"server.busy: every password-hashing slot is taken; see Retry-After"
//	@Router		/v1/auth/password-reset [post]
func (s *server) resetPassword(c *gin.Context) error {
	ctx, addr := c.Request.Context(), c.ClientIP()
	if err := refuseWhile(s.Logins.CheckAddress(ctx, addr)); err != nil {
		return err
	}
	var req passwordResetRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if why := s.CommonPasswords.Refuse(req.Password, req.Phone); why != "" {
		return weakPasswordIn("password", why)
	}
	u, err := accounts.ResetPassword(ctx, s.Store.Client, s.Passwords, req.Phone, req.Code, req.Password, s.now())
	if err != nil {
		return s.codeFailed(c, err)
	}
	if err := s.Sessions.RevokeUser(ctx, u.ID); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// codeFailed counts a wrong code against the client address (slowing
// anyone who sprays guesses over many phones) and passes err on.
func (s *server) codeFailed(c *gin.Context, err error) error {
	if isBadCode(err) {
		if ferr := s.Logins.AddressFailed(c.Request.Context(), c.ClientIP()); ferr != nil {
			return ferr
		}
	}
	return err
}
