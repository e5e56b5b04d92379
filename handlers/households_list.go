package handlers

import (
	"fmt"

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
//	@Success	200		{object}	pageOf[householdResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/units/{id}/households [get]
func (s *server) listHouseholds(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	ctx := c.Request.Context()
	var members map[int][]int
	return respondPage(c, func(p page) ([]*ent.Household, error) {
		rows, err := s.Store.Client.Household.Query().Where(household.UnitPathHasPrefix(u.Path), household.IDGT(p.After)).
			Order(ent.Asc(household.FieldID)).Limit(p.Limit + 1).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("list households: %w", err)
		}
		members, err = s.householdMembers(c, rows)
		return rows, err
	}, func(h *ent.Household) int { return h.ID },
		func(h *ent.Household) householdResponse { return newHouseholdResponse(h, members[h.ID]) })
}

// householdMembers reads the member user ids of rows in one query.
func (s *server) householdMembers(c *gin.Context, rows []*ent.Household) (map[int][]int, error) {
	out := map[int][]int{}
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]int, 0, len(rows))
	for _, h := range rows {
		ids = append(ids, h.ID)
	}
	ms, err := s.Store.Client.HouseholdMember.Query().Where(householdmember.HouseholdIDIn(ids...)).
		Order(ent.Asc(householdmember.FieldUserID)).All(c.Request.Context())
	if err != nil {
		return nil, fmt.Errorf("list household members: %w", err)
	}
	for _, m := range ms {
		out[m.HouseholdID] = append(out[m.HouseholdID], m.UserID)
	}
	return out, nil
}
