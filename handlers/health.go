package handlers

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

// healthResponse reports liveness or readiness.
type healthResponse struct {
	Status  string `json:"status" example:"ok"`
	Version string `json:"version,omitempty" example:"v1.0.0"`
}

// getHealth godoc
//
//	@ID		getHealth
//	@Summary	Liveness
//	@Description	Answers while the process runs; it does not touch the database.
//	@Tags		meta
//	@Produce	json
//	@Success	200	{object}	healthResponse
//	@Router		/healthz [get]
func (s *server) getHealth(c *gin.Context) error {
	c.JSON(http.StatusOK, healthResponse{Status: "ok", Version: s.Version})
	return nil
}

// getReady godoc
//
//	@ID		getReadiness
//	@Summary	Readiness
//	@Description	200 when the database answers within two seconds, 503 otherwise.
//	@Tags		meta
//	@Produce	json
//	@Success	200	{object}	healthResponse
//	@Failure	503	{object}	problem
//	@Router		/readyz [get]
func (s *server) getReady(c *gin.Context) error {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := s.Store.Ping(ctx); err != nil {
		s.Logger.WarnContext(ctx, "readiness: database unreachable", "err", err)
		c.Header("Retry-After", strconv.Itoa(retryAfterUnavailable))
		writeProblem(c, problem{Type: "about:blank", Title: "Service Unavailable",
			Status: http.StatusServiceUnavailable, Code: "database.unavailable", Detail: "the database does not answer"})
		return nil
	}
	c.JSON(http.StatusOK, healthResponse{Status: "ready", Version: s.Version})
	return nil
}
