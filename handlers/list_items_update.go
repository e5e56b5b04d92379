package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/audit"
	"yishi/internal/lists"
	"yishi/internal/store"
)

// updateListItem godoc
//
//	@ID		updateListItem
//	@Summary	Edit or retire a list item
//	@Description	tenant_admin at the subdistrict only; staff elsewhere in the tenant get 403. Absent fields keep their value; kind and code never change. Retire with {"status":"retired"} (there is no delete, so old screening flags still resolve). Send If-Match with the ETag from a read to avoid overwriting someone else's edit: a stale tag is 412 list_item.stale. Audited.
//	@Tags		lists
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int						true	"list item id"
//	@Param		If-Match	header		string					false	"ETag from a previous read"
//	@Param		body		body		updateListItemRequest	true	"the fields to change"
//	@Success	200			{object}	listItemResponse
//	@Header		200			{string}	ETag	"the new version"
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Failure	412			{object}	problem	"If-Match names an older version (list_item.stale)"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/list-items/{id} [patch]
func (s *server) updateListItem(c *gin.Context) error {
	cur := targetOf[*ent.ListItem](c)
	var req updateListItemRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if !ifMatchAllows(c.GetHeader("If-Match"), listItemETag(cur)) {
		return lists.ErrStale()
	}
	ctx, v := c.Request.Context(), caller(c)
	var it *ent.ListItem
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		if it, err = lists.Update(ctx, tx, cur, req.patch(), s.now()); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Entry{TenantID: &it.TenantID, UnitPath: it.UnitPath, Actor: v.Subject,
			Action: "list_item.update", TargetType: "list_item", TargetID: it.ID, RequestID: requestID(c),
			Detail: map[string]any{"code": it.Code, "fields": req.fields(), "status": string(it.Status)}})
	})
	if err != nil {
		return err
	}
	out := newListItemResponse(it, langOf(c))
	c.Header("ETag", out.ETag)
	c.JSON(http.StatusOK, out)
	return nil
}
