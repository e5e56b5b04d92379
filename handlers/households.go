package handlers

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/households"
	"yishi/internal/store"
)

// createHousehold godoc
//
//	@ID		createHousehold
//	@Summary	Register a household
//	@Description	Guides (household:create) enter a dwelling of the unit with its floor area (m², at most two decimals) and the users who may cast its ballot, each known to the tenant (a membership or a live role in it): an id of another tenant's user is answered exactly like an id of nobody (400 naming member_user_ids). An address is listed once per unit (409 household.exists). Nobody may enter themselves as a member (403 household.self_entry): another member of staff must, since membership casts the household's ballot. The audit log records who entered the household with its floor area and members.
//	@Tags		households
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"unit id"
//	@Param		body	body		createHouseholdRequest	true	"the household"
//	@Success	201		{object}	householdResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Router		/v1/units/{id}/households [post]
func (s *server) createHousehold(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	var req createHouseholdRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	members := slices.Compact(slices.Sorted(slices.Values(req.MemberUserIDs)))
	if err := s.requireUsers(c, members); err != nil {
		return err
	}
	ctx := c.Request.Context()
	var h *ent.Household
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		hs, err := households.Insert(ctx, tx, u, []households.Row{{Input: req.input()}}, [][]int{members})
		if err != nil {
			return err
		}
		h = hs[0]
		return s.auditHousehold(c, tx, u, h, members)
	})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, newHouseholdResponse(h, members))
	return nil
}

// requireUsers checks that every id names a user known to the unit's
// tenant; another tenant's user reads like nobody (issue 15).
func (s *server) requireUsers(c *gin.Context, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	found, err := households.KnownUsers(c.Request.Context(), s.Store.Client, targetOf[*ent.Unit](c).TenantID, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !slices.Contains(found, id) {
			return apperr.Invalid(apperr.FieldError{Field: "member_user_ids", Message: "names no user: " + strconv.Itoa(id)})
		}
	}
	return nil
}
