package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"yishi/authz"
	"yishi/ent"
	"yishi/internal/accounts"
	"yishi/internal/apperr"
)

// register godoc
//
//	@ID		registerUser
//	@Summary	Register an account
//	@Description	Needs a `register` code sent to the phone (POST /v1/auth/codes): without one 400 naming `code`; a wrong, expired or used code 400 code.invalid. A phone that already has an account never receives a register code, so its registration fails exactly like a wrong code and the answer does not reveal which phones use the platform (issue 15). privacy_notice_version records consent to the privacy notice: it must be the current version (named by POST /v1/auth/codes; otherwise 400 naming privacy_notice_version), stored with the time. Pending invitations of the phone (POST /v1/units/{id}/invitations) become memberships in the registration's transaction. The body carries no user id; sign in (POST /v1/auth/login) and read GET /v1/me for it. The password must not be one of the 10,000 most common passwords nor the phone number (400 password.weak naming `password`).
//	@ID			register
//	@Tags		auth
//	@Accept		json
//	@Produce	json
//	@Param		body	body		registerRequest	true	"the new account"
//	@Success	201		{object}	registerResponse
//	@Failure	400		{object}	problem	"request.invalid, code.invalid or password.weak"
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"too many registrations or failed attempts from this address; see Retry-After"
//	@Failure	503		{object}	problem	"server.busy: every password-hashing slot is taken; see Retry-After"
//	@Router		/v1/auth/register [post]
func (s *server) register(c *gin.Context) error {
	ctx, addr := c.Request.Context(), c.ClientIP()
	if err := refuseWhile(s.Logins.CheckRegister(ctx, addr)); err != nil {
		return err
	}
	if err := s.Logins.Registered(ctx, addr); err != nil {
		return err
	}
	var req registerRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.PrivacyNoticeVersion != s.Config.PrivacyNoticeVersion {
		return &apperr.Error{Kind: apperr.KindInvalid, Code: "privacy.notice_outdated",
			Detail: "consent to the current privacy notice, version " + s.Config.PrivacyNoticeVersion,
			Fields: []apperr.FieldError{{Field: "privacy_notice_version", Message: "must be " + s.Config.PrivacyNoticeVersion}}}
	}
	if why := s.CommonPasswords.Refuse(req.Password, req.Phone); why != "" {
		return weakPassword(why)
	}
	now := s.now()
	claimed := 0
	_, err := accounts.RegisterWithCode(ctx, s.Store.Client, s.Passwords,
		accounts.NewUser{Phone: req.Phone, Password: req.Password, Name: req.Name,
			NoticeVersion: req.PrivacyNoticeVersion, ConsentedAt: &now, Then: s.claimInvitations(c, &claimed)}, req.Code, now)
	if err != nil {
		return s.codeFailed(c, err)
	}
	if claimed > 0 {
		s.syncPolicy(c)
	}
	c.JSON(http.StatusCreated, newRegisterResponse(req))
	return nil
}

// login godoc
//
//	@ID		loginUser
//	@Summary	Sign in with phone and password
//	@Description	Only failed attempts are counted: per client address, per phone and per phone from one address, each with a delay that doubles after a few free failures. The phone-wide count slows only addresses that have themselves failed for that phone, so the right password from an address that has not failed is never refused. A throttled request gets 429 with Retry-After; 503 with Retry-After when the server is busy hashing passwords.
//	@Tags		auth
//	@Accept		json
//	@Produce	json
//	@Param		body	body		loginRequest	true	"credentials"
//	@Success	200		{object}	tokenResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	415		{object}	problem	"the body is not JSON"
//	@Failure	429		{object}	problem	"auth.throttled: too many failed attempts; see Retry-After"
//	@Failure	503		{object}	problem	"server.busy: every password-hashing slot is taken; see Retry-After"
//	@Router		/v1/auth/login [post]
func (s *server) login(c *gin.Context) error {
	ctx, addr := c.Request.Context(), c.ClientIP()
	if err := refuseWhile(s.Logins.CheckAddress(ctx, addr)); err != nil {
		return err
	}
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := refuseWhile(s.Logins.CheckLogin(ctx, req.Phone, addr)); err != nil {
		return err
	}
	u, err := accounts.Authenticate(ctx, s.Store.Client, s.Passwords, req.Phone, req.Password)
	if errors.Is(err, accounts.ErrBadCredentials) {
		if ferr := s.Logins.LoginFailed(ctx, req.Phone, addr); ferr != nil {
			return ferr
		}
	}
	if err != nil {
		return err
	}
	if err := s.Logins.LoginSucceeded(ctx, req.Phone, addr); err != nil {
		return err
	}
	return s.issueUserTokens(c, u)
}

// weakPassword is the 400 for a password that is too easy to guess; every
// route that sets a password answers it alike.
func weakPassword(why string) error { return weakPasswordIn("password", why) }

// weakPasswordIn is weakPassword naming field (new_password on a change).
func weakPasswordIn(field, why string) error {
	return &apperr.Error{Kind: apperr.KindInvalid, Code: "password.weak",
		Detail: "choose a less common password", Fields: []apperr.FieldError{{Field: field, Message: why}}}
}

// isBadCode reports whether err is the one answer for a code that does
// not work.
func isBadCode(err error) bool { return errors.Is(err, accounts.ErrBadCode) }

// refuseWhile turns a throttle wait into 429 with Retry-After; no wait
// (and no error) lets the attempt through.
func refuseWhile(wait time.Duration, err error) error {
	if err != nil || wait <= 0 {
		return err
	}
	secs := max(int((wait+time.Second-1)/time.Second), 1)
	return &apperr.Error{Kind: apperr.KindTooMany, Code: "auth.throttled",
		Detail: "too many failed attempts; retry after " + strconv.Itoa(secs) + "s", RetryAfter: secs}
}

// issueUserTokens answers with a new access token and a new refresh-token
// family for u.
func (s *server) issueUserTokens(c *gin.Context, u *ent.User) error {
	refresh, err := s.Sessions.Issue(c.Request.Context(), u.ID)
	if err != nil {
		return fmt.Errorf("issue refresh token: %w", err)
	}
	return s.writeTokens(c, u.ID, refresh)
}

// writeTokens answers 200 with a new access token for userID and the
// given refresh token.
func (s *server) writeTokens(c *gin.Context, userID int, refresh string) error {
	access, exp, err := s.Tokens.IssueAccess(authz.AccessClaimsInput{Subject: authz.UserSubject(userID)})
	if err != nil {
		return fmt.Errorf("issue access token: %w", err)
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, tokenResponse{
		AccessToken: access, RefreshToken: refresh, TokenType: "Bearer",
		ExpiresIn: int(time.Until(exp).Round(time.Second) / time.Second),
	})
	return nil
}
