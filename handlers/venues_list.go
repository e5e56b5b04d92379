package handlers

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/meetings"
)

// listVenues godoc
//
//	@ID		listVenues
//	@Summary	List the venues of a unit's subtree
//	@Description	Venues registered at the unit or any unit below it, oldest first. Residents list their own community's venues. status filters active or retired venues.
//	@Tags		meetings
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		status	query		string	false	"active or retired"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[venueResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/venues [get]
func (s *server) listVenues(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	status := c.Query("status")
	return respondPage(c, func(p page) ([]*ent.Venue, error) {
		// status is checked once the page parameters are: a bad limit is
		// the first error named, as it always was.
		if status != "" && status != "active" && status != "retired" {
			return nil, apperr.Invalid(apperr.FieldError{Field: "status", Message: "must be active or retired"})
		}
		return meetings.Venues(c.Request.Context(), s.Store.Client, u.Path, status, p.After, p.Limit)
	}, func(v *ent.Venue) int { return v.ID }, newVenueResponse)
}

// updateVenue godoc
//
//	@ID		updateVenue
//	@Summary	Rename, resize or retire a venue
//	@Description	Needs venue:update at the venue's unit (tenant_admin, lead). Absent fields keep their value. A retired venue takes no new meetings; meetings already there keep it.
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int					true	"venue id"
//	@Param		body	body		updateVenueRequest	true	"the changes"
//	@Success	200		{object}	venueResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"venue.name_taken"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/venues/{id} [patch]
func (s *server) updateVenue(c *gin.Context) error {
	var req updateVenueRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ch := meetings.VenueChange{Name: trimmed(req.Name), Address: trimmed(req.Address), Capacity: req.Capacity,
		Status: req.Status}
	out, err := meetings.UpdateVenue(c.Request.Context(), s.Store.Client, targetOf[*ent.Venue](c), ch)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, newVenueResponse(out))
	return nil
}

// trimmed is *p without surrounding space, nil when p is.
func trimmed(p *string) *string {
	if p == nil {
		return nil
	}
	t := strings.TrimSpace(*p)
	return &t
}
