package handlers

import (
	"encoding/hex"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/internal/idempotency"
	"yishi/internal/viewer"
)

const (
	idempotencyKeyHeader = "Idempotency-Key"
	replayedHeader       = "Idempotent-Replayed"
)

// idempotent honours Idempotency-Key on POST (DESIGN.md §6): a retry gets
// the first answer replayed instead of writing twice. It runs after
// requireAuth because keys are scoped by the caller's subject.
func (s *server) idempotent() gin.HandlerFunc {
	keys := idempotency.New(s.Store.Client, s.now)
	return func(c *gin.Context) {
		values := c.Request.Header.Values(idempotencyKeyHeader)
		if c.Request.Method != http.MethodPost || len(values) == 0 {
			c.Next()
			return
		}
		req, body, err := s.idempotencyRequest(c, values)
		if err != nil {
			writeError(c, s.Logger, err)
			return
		}
		defer body.Close()
		claim, stored, err := keys.Begin(c.Request.Context(), req)
		switch {
		case err != nil:
			writeError(c, s.Logger, err)
		case stored != nil:
			if err := s.recheck(c, stored.Checks); err != nil {
				writeError(c, s.Logger, err)
				return
			}
			replay(c, stored)
		default:
			s.runClaimed(c, keys, claim)
		}
	}
}

// idempotencyRequest validates the key, reads the body to fingerprint it
// (method, target and body bytes) and puts the body back for the handler.
func (s *server) idempotencyRequest(c *gin.Context, values []string) (idempotency.Request, *spooledBody, error) {
	key, err := idempotency.ParseKey(values)
	if err != nil {
		return idempotency.Request{}, nil, err
	}
	v := viewer.FromContext(c.Request.Context())
	if v == nil || v.Subject == "" {
		return idempotency.Request{}, nil, errors.New("idempotency: no viewer; the middleware must follow requireAuth")
	}
	target := c.Request.URL.Path
	if c.Request.URL.RawQuery != "" {
		target += "?" + c.Request.URL.RawQuery
	}
	fp := idempotency.NewFingerprint(c.Request.Method, target)
	body, err := spoolBody(c.Request.Body, fp, s.Config.MaxBodyBytes)
	if err != nil {
		return idempotency.Request{}, nil, err
	}
	c.Request.Body = body.reader()
	return idempotency.Request{Subject: v.Subject, Key: key, Method: c.Request.Method,
		Path: target, Hash: hex.EncodeToString(fp.Sum(nil))}, body, nil
}

// replay answers with a stored response, marked as such so clients and
// logs can tell a replay from a fresh write.
func replay(c *gin.Context, r *idempotency.Response) {
	c.Header(replayedHeader, "true")
	if r.ContentType != "" {
		c.Header("Content-Type", r.ContentType)
	}
	for name, value := range r.Headers {
		c.Header(name, value)
	}
	c.Status(r.Status)
	_, _ = c.Writer.Write(r.Body)
	c.Abort()
}

// idempotencyKeyValid answers 400 for a malformed Idempotency-Key before
// access is decided: the header's shape is the request's fault whoever
// sends it. The replay itself (idempotent) runs after access, so a stored
// answer is only handed to a caller who may still make the request.
func (s *server) idempotencyKeyValid() gin.HandlerFunc {
	return func(c *gin.Context) {
		values := c.Request.Header.Values(idempotencyKeyHeader)
		if c.Request.Method != http.MethodPost || len(values) == 0 {
			return
		}
		if _, err := idempotency.ParseKey(values); err != nil {
			writeError(c, s.Logger, err)
		}
	}
}
