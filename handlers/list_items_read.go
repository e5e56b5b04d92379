package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/lists"
)

// listListItems godoc
//
//	@ID		listListItems
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
	f, err := listItemFilter(c)
	if err != nil {
		return err
	}
	tenantID := targetOf[int](c)
	return respondPage(c, func(p page) ([]*ent.ListItem, error) {
		return lists.List(c.Request.Context(), s.Store.Client, tenantID, f, p.After, p.Limit+1)
	}, func(it *ent.ListItem) int { return it.ID }, func(it *ent.ListItem) listItemResponse {
		return newListItemResponse(it, langOf(c))
	})
}

// listItemFilter reads ?kind=&status=, naming every bad one.
func listItemFilter(c *gin.Context) (lists.Filter, error) {
	f := lists.Filter{Kind: c.Query("kind"), Status: c.Query("status")}
	var bad fieldErrors
	if f.Kind != "" {
		bad.add("kind", lists.ValidateKind(f.Kind))
	}
	if f.Status != "" {
		bad.add("status", lists.ValidateStatus(f.Status))
	}
	if len(bad) > 0 {
		return f, apperr.Invalid(bad...)
	}
	return f, nil
}

// getListItem godoc
//
//	@ID		getListItem
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
	out := newListItemResponse(targetOf[*ent.ListItem](c), langOf(c))
	c.Header("ETag", out.ETag)
	c.JSON(http.StatusOK, out)
	return nil
}
