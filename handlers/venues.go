package handlers

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/venue"
	"yishi/internal/apperr"
	"yishi/internal/units"
)

// createVenue godoc
//
//	@Summary	Register a venue at a unit
//	@Description	A place where residents already gather: a neighbourhood tea house (邻里茶馆), a four-neighbours pavilion (四邻议事亭), a hall or an online room. Needs venue:create (tenant_admin, lead, guide). Names are unique within a unit.
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"unit id"
//	@Param		body	body		createVenueRequest	true	"the venue"
//	@Success	201		{object}	venueResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"venue.name_taken"
//	@Router		/v1/units/{id}/venues [post]
func (s *server) createVenue(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	var req createVenueRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	v, err := s.Store.Client.Venue.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(units.CommunityPath(u.Path)).SetName(strings.TrimSpace(req.Name)).
		SetKind(venue.Kind(req.Kind)).SetAddress(strings.TrimSpace(req.Address)).
		SetNillableCapacity(req.Capacity).Save(c.Request.Context())
	if ent.IsConstraintError(err) {
		return apperr.Conflict("venue.name_taken", "a venue with this name exists at this unit")
	}
	if err != nil {
		return fmt.Errorf("create venue: %w", err)
	}
	c.Header("Location", "/v1/venues/"+strconv.Itoa(v.ID))
	c.JSON(http.StatusCreated, newVenueResponse(v))
	return nil
}

// getVenue godoc
//
//	@Summary	Get a venue
//	@Description	Staff of the venue's subtree and residents of its community read venues.
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"venue id"
//	@Success	200	{object}	venueResponse
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/venues/{id} [get]
func (s *server) getVenue(c *gin.Context) error {
	c.JSON(http.StatusOK, newVenueResponse(targetOf[*ent.Venue](c)))
	return nil
}
