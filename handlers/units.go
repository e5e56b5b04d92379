package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
	"yishi/internal/lists"
	"yishi/internal/store"
	"yishi/internal/units"
)

// createTenant godoc
//
//	@ID		createTenant
//	@Summary	Create a tenant (a subdistrict)
//	@Description	Platform admins only. Creates the root unit of a new tenant.
//	@Tags		units
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		body	body		createUnitRequest	true	"the subdistrict"
//	@Success	201		{object}	unitResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	409		{object}	problem	"code already used by another tenant"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/tenants [post]
func (s *server) createTenant(c *gin.Context) error {
	var req createUnitRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	return s.createUnit(c, nil, req)
}

// createUnitChild godoc
//
//	@ID		createUnitChild
//	@Summary	Create a child unit
//	@Description	A subdistrict's children are communities; a community's are grids. A grid has no children (422 unit.no_child_level).
//	@Tags		units
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"parent unit id"
//	@Param		body	body		createUnitRequest	true	"the child"
//	@Success	201		{object}	unitResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"code already used among siblings"
//	@Failure	422		{object}	problem	"the parent is a grid"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/units/{id}/children [post]
func (s *server) createUnitChild(c *gin.Context) error {
	var req createUnitRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	return s.createUnit(c, targetOf[*ent.Unit](c), req)
}

func (s *server) createUnit(c *gin.Context, parent *ent.Unit, req createUnitRequest) error {
	ctx := c.Request.Context()
	var created *ent.Unit
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		in := units.Input{Name: req.Name, Code: req.Code}
		if parent == nil {
			created, err = units.CreateTenant(ctx, tx, in)
		} else {
			created, err = units.CreateChild(ctx, tx, parent, in)
		}
		if err != nil {
			return err
		}
		if parent == nil {
			// A new tenant starts with the default guidebook.
			if err := lists.SeedNewTenant(ctx, tx, created); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Entry{
			TenantID: &created.TenantID, UnitPath: created.Path, Actor: caller(c).Subject,
			Action: "unit.create", TargetType: "unit", TargetID: created.ID, RequestID: requestID(c),
			Detail: map[string]any{"code": created.Code, "level": string(created.Level)},
		})
	})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/units/"+strconv.Itoa(created.ID))
	c.JSON(http.StatusCreated, newUnitResponse(created))
	return nil
}

// getUnit godoc
//
//	@ID		getUnit
//	@Summary	Get a unit
//	@Tags		units
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"unit id"
//	@Success	200	{object}	unitResponse
//	@Header		200	{string}	ETag	"the unit's version, for If-Match on PATCH"
//	@Failure	401	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/units/{id} [get]
func (s *server) getUnit(c *gin.Context) error {
	return s.answerUnit(c, targetOf[*ent.Unit](c))
}

// listUnitChildren godoc
//
//	@ID		listUnitChildren
//	@Summary	List a unit's children
//	@Tags		units
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200 (default 50)"
//	@Param		cursor	query		string	false	"next_cursor from the previous page"
//	@Success	200		{object}	pageOf[unitResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/children [get]
func (s *server) listUnitChildren(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	return respondPage(c, func(p page) ([]*ent.Unit, error) {
		return units.Children(c.Request.Context(), s.Store.Client, u.ID, p.After, p.Limit+1)
	}, func(u *ent.Unit) int { return u.ID }, newUnitResponse)
}
