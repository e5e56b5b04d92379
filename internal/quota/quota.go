// Package quota keeps attachment storage within per-tenant and per-user
// limits, so one account or one tenant cannot fill the server's disk.
package quota

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect/sql"

	"yishi/ent"
	"yishi/ent/attachment"
	"yishi/internal/apperr"
	"yishi/internal/viewer"
)

// Limits are the storage quotas in bytes; zero means no limit.
type Limits struct {
	Tenant int64
	User   int64
}

// CheckAttachment answers 413 attachment.quota_exceeded, naming the
// quota, when adding bytes to what tenantID (and userID, when set)
// already store would pass a limit (userID 0: an API client, no user quota). It is checked before the row is
// written, not under a lock: two uploads racing at the edge may both
// pass, overshooting by at most one file each, which a quota tolerates.
func CheckAttachment(ctx context.Context, client *ent.Client, l Limits, tenantID, userID int, bytes int64) error {
	// The sums are totals for enforcement, not rows shown to the caller.
	sys := viewer.SystemContext(ctx)
	if l.Tenant > 0 {
		used, err := sum(sys, client.Attachment.Query().Where(attachment.TenantID(tenantID)))
		if err != nil {
			return fmt.Errorf("tenant storage: %w", err)
		}
		if used+bytes > l.Tenant {
			return exceeded("tenant", "YISHI_TENANT_STORAGE_QUOTA", l.Tenant, used)
		}
	}
	if l.User > 0 && userID > 0 {
		used, err := sum(sys, client.Attachment.Query().Where(attachment.UploadedBy(userID)))
		if err != nil {
			return fmt.Errorf("user storage: %w", err)
		}
		if used+bytes > l.User {
			return exceeded("user", "YISHI_USER_STORAGE_QUOTA", l.User, used)
		}
	}
	return nil
}

// sum adds up the sizes of q's attachments; none is zero.
func sum(ctx context.Context, q *ent.AttachmentQuery) (int64, error) {
	var rows []struct {
		Total sql.NullInt64 `json:"total"`
	}
	if err := q.Aggregate(ent.As(ent.Sum(attachment.FieldSize), "total")).Scan(ctx, &rows); err != nil {
		return 0, err
	}
	if len(rows) == 0 || !rows[0].Total.Valid {
		return 0, nil
	}
	return rows[0].Total.Int64, nil
}

// exceeded is the 413 naming which quota the upload would pass.
func exceeded(scope, setting string, limit, used int64) *apperr.Error {
	return &apperr.Error{Kind: apperr.KindTooLarge, Code: "attachment.quota_exceeded",
		Detail: fmt.Sprintf("the %s storage quota (%s = %d bytes) would be exceeded; %d bytes are in use", scope, setting, limit, used),
		Fields: []apperr.FieldError{{Field: "file", Message: "exceeds the " + scope + " storage quota"}}}
}
