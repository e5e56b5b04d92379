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

// createListItem godoc
//
//	@ID		createListItem
//	@Summary	Add an item to a subdistrict's proposal lists
//	@Description	tenant_admin at the subdistrict only. Adds an encouraged category (鼓励清单) or a negative-list item (负面清单); negative items need at least one keyword, matched as a substring when proposals are screened. {id} must be a subdistrict (a community or grid id is 404 tenant.not_found). Staff elsewhere in the tenant get 403. Audited.
//	@Tags		lists
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"subdistrict (tenant) id"
//	@Param		body	body		createListItemRequest	true	"the item"
//	@Success	201		{object}	listItemResponse
//	@Header		201		{string}	ETag	"version for If-Match"
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"code already used in this list (list_item.code_taken)"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/tenants/{id}/list-items [post]
func (s *server) createListItem(c *gin.Context) error {
	tenant, err := units.Tenant(c.Request.Context(), s.Store.Client, targetOf[int](c))
	if err != nil {
		return err
	}
	var req createListItemRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ctx, v := c.Request.Context(), caller(c)
	var it *ent.ListItem
	err = store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if it, err = lists.Create(ctx, tx, tenant, req.input(), s.now()); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &tenant.ID, UnitPath: tenant.Path, Actor: v.Subject,
			Action: "list_item.create", TargetType: "list_item", TargetID: it.ID, RequestID: requestID(c),
			Detail: map[string]any{"kind": string(it.Kind), "code": it.Code}})
	})
	if err != nil {
		return err
	}
	out := newListItemResponse(it, langOf(c))
	c.Header("ETag", out.ETag)
	c.Header("Location", "/v1/list-items/"+strconv.Itoa(it.ID))
	c.JSON(http.StatusCreated, out)
	return nil
}
