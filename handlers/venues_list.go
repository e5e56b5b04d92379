package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/venue"
	"yishi/internal/apperr"
)

// listVenues godoc
//
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
	if status != "" && status != "active" && status != "retired" {
		return apperr.Invalid(apperr.FieldError{Field: "status", Message: "must be active or retired"})
	}
	return respondPage(c, func(p page) ([]*ent.Venue, error) {
		q := s.Store.Client.Venue.Query().Where(venue.UnitPathHasPrefix(u.Path), venue.IDGT(p.After))
		if status != "" {
			q.Where(venue.StatusEQ(venue.Status(status)))
		}
		rows, err := q.Order(ent.Asc(venue.FieldID)).Limit(p.Limit + 1).All(c.Request.Context())
		if err != nil {
			return nil, fmt.Errorf("list venues: %w", err)
		}
		return rows, nil
	}, func(v *ent.Venue) int { return v.ID }, newVenueResponse)
}

// updateVenue godoc
//
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
//	@Router		/v1/venues/{id} [patch]
func (s *server) updateVenue(c *gin.Context) error {
	var req updateVenueRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	upd := s.Store.Client.Venue.UpdateOne(targetOf[*ent.Venue](c)).SetNillableCapacity(req.Capacity)
	if req.Name != nil {
		upd.SetName(strings.TrimSpace(*req.Name))
	}
	if req.Address != nil {
		upd.SetAddress(strings.TrimSpace(*req.Address))
	}
	if req.Status != nil {
		upd.SetStatus(venue.Status(*req.Status))
	}
	out, err := upd.Save(c.Request.Context())
	if ent.IsConstraintError(err) {
		return apperr.Conflict("venue.name_taken", "a venue with this name exists at this unit")
	}
	if err != nil {
		return fmt.Errorf("update venue: %w", err)
	}
	c.JSON(http.StatusOK, newVenueResponse(out))
	return nil
}
