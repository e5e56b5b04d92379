package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/household"
	"yishi/ent/householdmember"
)

// listHouseholds godoc
//
//	@Summary	List a unit's households
//	@Description	The households of the unit and every unit below it, oldest first, with their members. Staff with household:read.
//	@Tags		households
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	householdPage
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/households [get]
func (s *server) listHouseholds(c *gin.Context) {
	u, err := s.loadUnitFor(c, "household", "read")
	var p page
	if err == nil {
		p, err = parsePage(c)
	}
	var rows []*ent.Household
	if err == nil {
		rows, err = s.Store.Client.Household.Query().Where(household.UnitPathHasPrefix(u.Path), household.IDGT(p.After)).
			Order(ent.Asc(household.FieldID)).Limit(p.Limit + 1).All(c.Request.Context())
	}
	members := map[int][]int{}
	if err == nil && len(rows) > 0 {
		ids := make([]int, 0, len(rows))
		for _, h := range rows {
			ids = append(ids, h.ID)
		}
		var ms []*ent.HouseholdMember
		ms, err = s.Store.Client.HouseholdMember.Query().Where(householdmember.HouseholdIDIn(ids...)).
			Order(ent.Asc(householdmember.FieldUserID)).All(c.Request.Context())
		for _, m := range ms {
			members[m.HouseholdID] = append(members[m.HouseholdID], m.UserID)
		}
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	var out householdPage
	out.Items, out.NextCursor = pageItems(rows, p, func(h *ent.Household) int { return h.ID },
		func(h *ent.Household) householdResponse { return newHouseholdResponse(h, members[h.ID]) })
	c.JSON(http.StatusOK, out)
}
