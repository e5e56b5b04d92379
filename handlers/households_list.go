package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/households"
)

// listHouseholds godoc
//
//	@ID		listHouseholds
//	@Summary	List a unit's households
//	@Description	The households of the unit and every unit below it, oldest first, with their members. Staff with household:read.
//	@Tags		households
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"unit id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[householdResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/households [get]
func (s *server) listHouseholds(c *gin.Context) error {
	u, ctx := targetOf[*ent.Unit](c), c.Request.Context()
	var members map[int][]int
	return respondPage(c, func(p page) ([]*ent.Household, error) {
		rows, err := households.List(ctx, s.Store.Client, u.Path, p.After, p.Limit)
		if err != nil {
			return nil, err
		}
		if members, err = households.MembersOf(ctx, s.Store.Client, rows); err != nil {
			return nil, err
		}
		return rows, s.auditPersonalRead(c, personalRead{tenantID: u.TenantID, unitPath: u.Path,
			targetType: "unit", targetID: u.ID, rows: len(rows)})
	}, func(h *ent.Household) int { return h.ID },
		func(h *ent.Household) householdResponse { return newHouseholdResponse(h, members[h.ID]) })
}
