package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/audit"
	"yishi/internal/publicrecord"
	"yishi/internal/stats"
	"yishi/internal/store"
	"yishi/internal/units"
)

// setPublicRecord godoc
//
//	@Summary	Publish or withdraw a subdistrict's public record
//	@ID			setPublicRecord
//	@Description	tenant_admin at the subdistrict only. With enabled=true, GET /public/v1/tenants/{code}/... serves without sign-in the resolved and in-progress proposals (title, category, unit, status, dates, decision, progress), the results of closed votes and aggregate statistics, with no personal data at all. Off by default. Every change is audited. Withdrawing takes effect at once on this instance and within 30 seconds (the public cache) on others. {id} must be a subdistrict (404 tenant.not_found otherwise).
//	@Tags		public
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"subdistrict (tenant) id"
//	@Param		body	body		setPublicRecordRequest	true	"on or off"
//	@Success	200		{object}	publicRecordResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/tenants/{id}/public-record [put]
func (s *server) setPublicRecord(c *gin.Context) error {
	ctx := c.Request.Context()
	tenant, err := units.Tenant(ctx, s.Store.Client, targetOf[int](c))
	if err != nil {
		return err
	}
	var req setPublicRecordRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	v := caller(c)
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if tenant, err = publicrecord.Set(ctx, tx, tenant, *req.Enabled); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &tenant.ID, UnitPath: tenant.Path, Actor: v.Subject,
			Action: "tenant.public_record", TargetType: "unit", TargetID: tenant.ID, RequestID: requestID(c),
			Detail: map[string]any{"enabled": *req.Enabled}})
	})
	if err != nil {
		return err
	}
	s.public.forget(tenant.Code)
	c.JSON(http.StatusOK, publicRecordResponse{TenantID: tenant.ID, Code: tenant.Code, Enabled: tenant.PublicRecord,
		URL: "/public/v1/tenants/" + tenant.Code})
	return nil
}

// getPublicTenant godoc
//
//	@Summary	A subdistrict's public record: name and aggregate statistics
//	@ID			getPublicTenant
//	@Description	No sign-in. 404 when the code is unknown or the subdistrict does not publish its record. Statistics are those of GET /v1/units/{id}/stats for the whole subdistrict, without the monthly series. Cached for 30 seconds (Cache-Control) and limited per client address (429 with Retry-After).
//	@Tags		public
//	@Produce	json
//	@Security
//	@Param		code	path		string	true	"tenant code"
//	@Success	200		{object}	publicTenant
//	@Failure	404		{object}	problem
//	@Failure	429		{object}	problem	"public.rate_limited; see Retry-After"
//	@Router		/public/v1/tenants/{code} [get]
func (s *server) getPublicTenant(c *gin.Context) error {
	return s.servePublic(c, func(tenant *ent.Unit) (any, error) {
		ctx := publicrecord.Reader(c.Request.Context(), tenant)
		rep, err := stats.Compute(ctx, s.Store.Client, tenant.Path, stats.Range{}, chinaTime())
		if err != nil {
			return nil, err
		}
		return publicTenant{Code: tenant.Code, Name: tenant.Name, Stats: newStatsMetrics(rep.Metrics)}, nil
	})
}

// listPublicProposals godoc
//
//	@Summary	A subdistrict's public proposals
//	@ID			listPublicProposals
//	@Description	No sign-in. Resolved (completed, closed) and in-progress (accepted, deliberating, approved, implementing) proposals, newest first, with no personal data: no author, phone or body. status filters by comma-separated statuses among those. Cached for 30 seconds and limited per client address.
//	@Tags		public
//	@Produce	json
//	@Security
//	@Param		code	path		string	true	"tenant code"
//	@Param		status	query		string	false	"comma-separated statuses among accepted, deliberating, approved, implementing, completed, closed"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[publicProposal]
//	@Failure	400		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	429		{object}	problem	"public.rate_limited; see Retry-After"
//	@Router		/public/v1/tenants/{code}/proposals [get]
func (s *server) listPublicProposals(c *gin.Context) error {
	statuses, bad := listFilter(c, "status", publicrecord.IsPublicStatus, " (public statuses: "+strings.Join(publicrecord.Statuses(), ", ")+")")
	if len(bad) > 0 {
		return apperr.Invalid(bad...)
	}
	p, err := parsePage(c)
	if err != nil {
		return err
	}
	return s.servePublic(c, func(tenant *ent.Unit) (any, error) {
		ctx := publicrecord.Reader(c.Request.Context(), tenant)
		rows, err := publicrecord.Proposals(ctx, s.Store.Client, tenant, statuses, p.After, p.Limit+1)
		if err != nil {
			return nil, err
		}
		var out pageOf[publicProposal]
		out.Items, out.NextCursor = pageItems(rows, p, func(r publicrecord.Proposal) int { return r.ID }, newPublicProposal)
		return out, nil
	})
}

// getPublicProposal godoc
//
//	@Summary	One public proposal
//	@ID			getPublicProposal
//	@Description	No sign-in. 404 for a proposal that is not in the public record (another subdistrict's, a draft, a rejected one …).
//	@Tags		public
//	@Produce	json
//	@Security
//	@Param		code	path		string	true	"tenant code"
//	@Param		id		path		int		true	"proposal id"
//	@Success	200		{object}	publicProposal
//	@Failure	400		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	429		{object}	problem	"public.rate_limited; see Retry-After"
//	@Router		/public/v1/tenants/{code}/proposals/{id} [get]
func (s *server) getPublicProposal(c *gin.Context) error {
	id, err := pathID(c, "id", "proposal")
	if err != nil {
		return err
	}
	return s.servePublic(c, func(tenant *ent.Unit) (any, error) {
		ctx := publicrecord.Reader(c.Request.Context(), tenant)
		p, err := publicrecord.ProposalByID(ctx, s.Store.Client, tenant, id)
		if err != nil {
			return nil, err
		}
		return newPublicProposal(p), nil
	})
}

// listPublicVotes godoc
//
//	@Summary	A subdistrict's closed votes and their results
//	@ID			listPublicVotes
//	@Description	No sign-in. Closed votes, newest first, with per-option counts and weights: never a ballot, a receipt or a voter. Cached for 30 seconds and limited per client address.
//	@Tags		public
//	@Produce	json
//	@Security
//	@Param		code	path		string	true	"tenant code"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[publicVote]
//	@Failure	400		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	429		{object}	problem	"public.rate_limited; see Retry-After"
//	@Router		/public/v1/tenants/{code}/votes [get]
func (s *server) listPublicVotes(c *gin.Context) error {
	p, err := parsePage(c)
	if err != nil {
		return err
	}
	return s.servePublic(c, func(tenant *ent.Unit) (any, error) {
		ctx := publicrecord.Reader(c.Request.Context(), tenant)
		rows, err := publicrecord.Votes(ctx, s.Store.Client, tenant, p.After, p.Limit+1)
		if err != nil {
			return nil, err
		}
		var out pageOf[publicVote]
		out.Items, out.NextCursor = pageItems(rows, p, func(r publicrecord.Vote) int { return r.ID }, newPublicVote)
		return out, nil
	})
}
