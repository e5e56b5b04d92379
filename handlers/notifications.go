package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/notify"
	"yishi/internal/proposals"
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
//	@ID		listMyNotifications
//	@Summary	The caller's notifications
//	@Description	Newest first. Each is written in the same transaction as the change it reports: a timeline event on a proposal the caller wrote, co-signed or follows (kind proposal_update, with event_id and data.action), a proposal submitted or escalated into the caller's queue (proposal_queued), a vote the caller is on the roll of opening or publishing its result (vote_opened, vote_result), a meeting the caller takes part in scheduled, moved or cancelled, minutes awaiting the caller's approval (minutes_pending), a task assigned to the caller or overdue (task_assigned, task_overdue), a membership request decided (membership_approved, membership_rejected, with membership_request_id), and, for a tenant admin, a platform break-glass grant in their tenant (break_glass, audit_id naming the role.break_glass entry of the audit log, written in the grant's transaction). kind is stable; data holds the ids (proposal_id, vote_id, meeting_id, task_id …); title and body are Chinese text for people. Muted kinds (GET /v1/me/notification-preferences) are not written. unread=true keeps the unread ones only. The body's 经办 (who acted) line is masked (李**) unless the caller reads internal fields (proposal:read_internal) where the proposal is handled, the same rule as a proposal's author.
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
	personal, err := s.inboxPersonal(c, rows)
	if err != nil {
		return err
	}
	out.Items, out.NextCursor = pageItems(rows, pg, func(n *ent.Notification) int { return n.ID },
		func(n *ent.Notification) notificationResponse {
			r := newNotificationResponse(n)
			if n.ProposalID == nil || !personal[*n.ProposalID] {
				r.Body = notify.MaskActor(r.Body, maskName)
			}
			return r
		})
	c.JSON(http.StatusOK, out)
	return nil
}

// inboxPersonal reports, per proposal of rows, whether the reader reads
// internal fields there (seesInternal): only then does a notification
// name who acted, as on the timeline. A proposal the reader no longer sees masks too. The
// reader is never the actor of their own notifications (notify.ForEvent).
func (s *server) inboxPersonal(c *gin.Context, rows []*ent.Notification) (map[int]bool, error) {
	var ids []int
	for _, n := range rows {
		if n.ProposalID != nil {
			ids = append(ids, *n.ProposalID)
		}
	}
	ps, err := proposals.ByIDs(c.Request.Context(), s.Store.Client, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int]bool, len(ps))
	for id, p := range ps {
		out[id] = s.seesInternal(c, p)
	}
	return out, nil
}
