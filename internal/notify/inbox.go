package notify

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
	"yishi/ent/notification"
)

// Inbox returns up to limit of userID's notifications, newest first,
// below the id before (0 for the newest); unreadOnly keeps the unread
// ones. It reads as the caller, and privacy keeps an inbox its owner's.
func Inbox(ctx context.Context, client *ent.Client, userID int, unreadOnly bool, before, limit int) ([]*ent.Notification, error) {
	q := client.Notification.Query().Where(notification.UserID(userID))
	if unreadOnly {
		q.Where(notification.ReadAtIsNil())
	}
	if before > 0 {
		q.Where(notification.IDLT(before))
	}
	rows, err := q.Order(ent.Desc(notification.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("read inbox of user %d: %w", userID, err)
	}
	return rows, nil
}

// UnreadCount is how many of userID's notifications are unread: the badge
// a front end shows.
func UnreadCount(ctx context.Context, client *ent.Client, userID int) (int, error) {
	n, err := client.Notification.Query().Where(notification.UserID(userID), notification.ReadAtIsNil()).Count(ctx)
	if err != nil {
		return 0, fmt.Errorf("count unread of user %d: %w", userID, err)
	}
	return n, nil
}

// MarkRead stamps read at now the named unread notifications of userID,
// or every unread one when all is set, and returns how many changed. Ids
// of other people's notifications are ignored, not refused.
func MarkRead(ctx context.Context, client *ent.Client, userID int, ids []int, all bool, now time.Time) (int, error) {
	u := client.Notification.Update().Where(notification.UserID(userID), notification.ReadAtIsNil())
	if !all {
		u.Where(notification.IDIn(ids...))
	}
	n, err := u.SetReadAt(now).Save(ctx)
	if err != nil {
		return 0, fmt.Errorf("mark notifications read for user %d: %w", userID, err)
	}
	return n, nil
}
