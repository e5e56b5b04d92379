package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/notify"
)

// inboxOwner is the user whose inbox a request reads; partner-app tokens
// have none.
func inboxOwner(c *gin.Context) (int, error) {
	if v := caller(c); v.UserID > 0 {
		return v.UserID, nil
	}
	return 0, apperr.Forbidden("notifications are for user tokens")
}

// listMyNotifications godoc
//
//	@Summary	The caller's notifications
//	@Description	Newest first. Each comes from a timeline event on a proposal the caller wrote, co-signed or follows, written in the same transaction as the event. unread=true keeps the unread ones only.
//	@Tags		notifications
//	@Produce	json
//	@Security	BearerAuth
//	@Param		unread	query		bool	false	"only unread"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	notificationPage
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem	"partner-app tokens have no inbox"
//	@Router		/v1/me/notifications [get]
func (s *server) listMyNotifications(c *gin.Context) error {
	uid, err := inboxOwner(c)
	if err != nil {
		return err
	}
	pg, err := parsePage(c)
	if err != nil {
		return err
	}
	unread := c.Query("unread")
	if unread != "" && unread != "true" && unread != "false" {
		return apperr.Invalid(apperr.FieldError{Field: "unread", Message: "must be true or false"})
	}
	ctx := c.Request.Context()
	rows, err := notify.Inbox(ctx, s.Store.Client, uid, unread == "true", pg.After, pg.Limit+1)
	if err != nil {
		return err
	}
	var out notificationPage
	if out.UnreadCount, err = notify.UnreadCount(ctx, s.Store.Client, uid); err != nil {
		return err
	}
	out.Items, out.NextCursor = pageItems(rows, pg, func(n *ent.Notification) int { return n.ID }, newNotificationResponse)
	c.JSON(http.StatusOK, out)
	return nil
}
