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
	"yishi/internal/throttle"
)

// register godoc
//
//	@Summary	Register an account
//	@Description	Answers 201 with the same body whether the phone was new (the account now exists) or already registered (nothing changes, the existing account keeps its password): the answer does not reveal which phones use the platform (issue 15). The body carries no user id; sign in (POST /v1/auth/login) and read GET /v1/me for it. Phone verification will replace this.
//	@Tags		auth
//	@Accept		json
//	@Produce	json
//	@Param		body	body		registerRequest	true	"the new account"
//	@Success	201		{object}	registerResponse
//	@Failure	400		{object}	problem
//	@Failure	429		{object}	problem
//	@Router		/v1/auth/register [post]
func (s *server) register(c *gin.Context) error {
	if err := s.throttle(c, s.LoginByIP, "ip:"+c.ClientIP()); err != nil {
		return err
	}
	var req registerRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	_, err := accounts.Register(c.Request.Context(), s.Store.Client, s.Passwords,
		accounts.NewUser{Phone: req.Phone, Password: req.Password, Name: req.Name})
	if err != nil && !errors.Is(err, accounts.ErrPhoneTaken) {
		return err
	}
	c.JSON(http.StatusCreated, newRegisterResponse(req))
	return nil
}

// login godoc
//
//	@Summary	Sign in with phone and password
//	@Description	Throttled per phone and per client IP; a throttled request gets 429 with Retry-After.
//	@Tags		auth
//	@Accept		json
//	@Produce	json
//	@Param		body	body		loginRequest	true	"credentials"
//	@Success	200		{object}	tokenResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	429		{object}	problem
//	@Router		/v1/auth/login [post]
func (s *server) login(c *gin.Context) error {
	var req loginRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.throttle(c, s.LoginByIP, "ip:"+c.ClientIP()); err != nil {
		return err
	}
	if err := s.throttle(c, s.LoginByPhone, "phone:"+req.Phone); err != nil {
		return err
	}
	u, err := accounts.Authenticate(c.Request.Context(), s.Store.Client, s.Passwords, req.Phone, req.Password)
	if err != nil {
		return err
	}
	s.LoginByPhone.Reset("phone:" + req.Phone)
	return s.issueUserTokens(c, u)
}

// throttle counts an attempt for key and refuses it with 429 when over
// the limit.
func (s *server) throttle(c *gin.Context, l *throttle.Limiter, key string) error {
	ok, wait := l.Allow(key)
	if ok {
		return nil
	}
	secs := int(wait.Round(time.Second) / time.Second)
	if secs < 1 {
		secs = 1
	}
	return &apperr.Error{Kind: apperr.KindTooMany, Code: "auth.throttled",
		Detail: "too many attempts; retry after " + strconv.Itoa(secs) + "s", RetryAfter: secs}
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
