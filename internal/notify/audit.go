package notify

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/schema"
	"yishi/internal/viewer"
)

// Notice is an inbox message that reports an audit entry rather than a
// proposal event: kind names it (e.g. break_glass), title and body are
// what the recipients read.
type Notice struct {
	Kind  string
	Title string
	Body  string
}

// ForAuditEntry notifies users of entry, which must carry a tenant, in
// tx, the entry's own transaction: the notices exist exactly when the
// entry (and the change it records) does. Like ForEvent it writes as the
// system, since no caller may create notifications.
func ForAuditEntry(ctx context.Context, tx *ent.Tx, entry *ent.AuditLog, users []int, n Notice) error {
	if len(users) == 0 {
		return nil
	}
	sys := schema.WithParents(viewer.SystemContext(ctx), entry)
	seen := make(map[int]bool, len(users))
	builders := make([]*ent.NotificationCreate, 0, len(users))
	for _, uid := range users {
		if seen[uid] {
			continue
		}
		seen[uid] = true
		builders = append(builders, tx.Notification.Create().SetUserID(uid).SetAuditID(entry.ID).
			SetKind(n.Kind).SetTitle(cut(n.Title, maxTitleBytes)).SetBody(n.Body))
	}
	if err := tx.Notification.CreateBulk(builders...).Exec(sys); err != nil {
		return fmt.Errorf("notify audit entry %d: %w", entry.ID, err)
	}
	return nil
}
