package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/internal/notify"
)

// markNotificationsRead godoc
//
//	@ID		markNotificationsRead
//	@Summary	Mark notifications read
//	@Description	Marks the named entries (ids) or every unread entry (all=true) of the caller's own inbox read. Ids of other people's notifications, or already read ones, are ignored; updated counts the entries that changed.
//	@Tags		notifications
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		body	body		markNotificationsReadRequest	true	"which entries"
//	@Success	200		{object}	markNotificationsReadResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem	"partner-app tokens have no inbox"
//	@Router		/v1/me/notifications/read [post]
func (s *server) markNotificationsRead(c *gin.Context) error {
	uid, err := inboxOwner(c)
	if err != nil {
		return err
	}
	var req markNotificationsReadRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	n, err := notify.MarkRead(c.Request.Context(), s.Store.Client, uid, req.IDs, req.All, s.now())
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, markNotificationsReadResponse{Updated: n})
	return nil
}
