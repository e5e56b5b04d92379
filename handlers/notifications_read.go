package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent/notification"
)

// markNotificationsRead godoc
//
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
func (s *server) markNotificationsRead(c *gin.Context) {
	uid, err := inboxOwner(c)
	var req markNotificationsReadRequest
	if err == nil {
		err = bindJSON(c, &req)
	}
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	u := s.Store.Client.Notification.Update().Where(notification.UserID(uid), notification.ReadAtIsNil())
	if !req.All {
		u.Where(notification.IDIn(req.IDs...))
	}
	n, err := u.SetReadAt(s.now()).Save(c.Request.Context())
	if err != nil {
		writeError(c, s.Logger, err)
		return
	}
	c.JSON(http.StatusOK, markNotificationsReadResponse{Updated: n})
}
