package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/listitem"
	"yishi/ent/predicate"
	"yishi/internal/apperr"
	"yishi/internal/lists"
	"yishi/internal/viewer"
)

// listListItems godoc
//
//	@Summary	List a subdistrict's proposal lists
//	@Description	The encouraged categories and negative-list items proposals are screened against. Anyone holding list_item:read anywhere in the tenant may read them (lead, reviewer, guide, implementer and resident at a community or grid included); callers from other tenants get 404. Ordered by id.
//	@Tags		lists
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"subdistrict (tenant) id"
//	@Param		kind	query		string	false	"only this kind"	Enums(encouraged, negative)
//	@Param		status	query		string	false	"only this status"	Enums(active, retired)
//	@Param		limit	query		int		false	"page size, 1-200 (default 50)"
//	@Param		cursor	query		string	false	"next_cursor from the previous page"
//	@Success	200		{object}	pageOf[listItemResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/tenants/{id}/list-items [get]
func (s *server) listListItems(c *gin.Context) error {
	where, err := listItemFilters(c, targetOf[int](c))
	if err != nil {
		return err
	}
	// Deliberate tenant-wide read of reference data: privacy filters list
	// items to the viewer's own subtrees, which would hide these
	// subdistrict-owned rows from a community or grid viewer. The route
	// decided list_item:read inside this tenant, and the query is pinned
	// to this tenant_id.
	return respondPage(c, func(p page) ([]*ent.ListItem, error) {
		return s.Store.Client.ListItem.Query().Where(append(where, listitem.IDGT(p.After))...).
			Order(ent.Asc(listitem.FieldID)).Limit(p.Limit + 1).All(viewer.SystemContext(c.Request.Context()))
	}, func(it *ent.ListItem) int { return it.ID }, newListItemResponse)
}

// listItemFilters turns ?kind=&status= into predicates on the tenant's items.
func listItemFilters(c *gin.Context, tenantID int) ([]predicate.ListItem, error) {
	where := []predicate.ListItem{listitem.TenantID(tenantID)}
	var bad fieldErrors
	if k := c.Query("kind"); k != "" {
		bad.add("kind", lists.ValidateKind(k))
		where = append(where, listitem.KindEQ(listitem.Kind(k)))
	}
	if st := c.Query("status"); st != "" {
		bad.add("status", lists.ValidateStatus(st))
		where = append(where, listitem.StatusEQ(listitem.Status(st)))
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	return where, nil
}

// getListItem godoc
//
//	@Summary	Get one list item
//	@Description	Readable by anyone holding list_item:read anywhere in the item's tenant. The ETag header (also in the body as etag) is what PATCH expects in If-Match.
//	@Tags		lists
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id	path		int	true	"list item id"
//	@Success	200	{object}	listItemResponse
//	@Header		200	{string}	ETag	"version for If-Match"
//	@Failure	401	{object}	problem
//	@Failure	403	{object}	problem
//	@Failure	404	{object}	problem
//	@Router		/v1/list-items/{id} [get]
func (s *server) getListItem(c *gin.Context) error {
	out := newListItemResponse(targetOf[*ent.ListItem](c))
	c.Header("ETag", out.ETag)
	c.JSON(http.StatusOK, out)
	return nil
}
