package handlers

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
)

// createVenue godoc
//
//	@ID		createVenue
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
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/units/{id}/venues [post]
func (s *server) createVenue(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	var req createVenueRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	v, err := meetings.CreateVenue(c.Request.Context(), s.Store.Client, u, meetings.NewVenue{
		Name: strings.TrimSpace(req.Name), Kind: req.Kind, Address: strings.TrimSpace(req.Address), Capacity: req.Capacity})
	if err != nil {
		return err
	}
	c.Header("Location", "/v1/venues/"+strconv.Itoa(v.ID))
	c.JSON(http.StatusCreated, newVenueResponse(v))
	return nil
}

// getVenue godoc
//
//	@ID		getVenue
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
