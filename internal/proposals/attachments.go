package proposals

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/attachment"
	"yishi/internal/apperr"
)

// AttachmentOwner is the owner_type of a proposal's attachments; meetings
// and progress reports will reuse the table with their own.
const AttachmentOwner = "proposal"

// NewAttachment is a file already in the blob store under StorageKey.
type NewAttachment struct {
	Filename    string
	ContentType string
	Size        int64
	SHA256      string
	StorageKey  string
	Internal    bool // staff-only; whether the uploader may say so is the caller's check
	UploadedBy  int  // 0 for partner apps, which upload as nobody in particular
}

// AddAttachment records a stored file against p, copying p's tenancy
// paths so privacy scopes the row exactly like its proposal.
func AddAttachment(ctx context.Context, client *ent.Client, p *ent.Proposal, a NewAttachment) (*ent.Attachment, error) {
	q := client.Attachment.Create().
		SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).SetCommunityPath(p.CommunityPath).
		SetOwnerType(AttachmentOwner).SetOwnerID(p.ID).
		SetFilename(a.Filename).SetContentType(a.ContentType).SetSize(a.Size).SetSha256(a.SHA256).
		SetStorageKey(a.StorageKey).SetInternal(a.Internal)
	if a.UploadedBy > 0 {
		q.SetUploadedBy(a.UploadedBy)
	}
	m, err := q.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("insert attachment on proposal %d: %w", p.ID, err)
	}
	return m, nil
}

// Attachments lists p's files oldest first, after the id after, at most
// limit rows; staff-only files only when withInternal.
func Attachments(ctx context.Context, client *ent.Client, p *ent.Proposal, withInternal bool, after, limit int) ([]*ent.Attachment, error) {
	q := client.Attachment.Query().Where(attachment.OwnerType(AttachmentOwner),
		attachment.OwnerID(p.ID), attachment.IDGT(after))
	if !withInternal {
		q.Where(attachment.Internal(false))
	}
	rows, err := q.Order(ent.Asc(attachment.FieldID)).Limit(limit).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("list attachments of proposal %d: %w", p.ID, err)
	}
	return rows, nil
}

// GetAttachment reads the proposal attachment with id and its proposal as
// the caller in ctx. An attachment of another owner, or whose proposal the
// caller does not see, is 404 attachment like a missing one.
func GetAttachment(ctx context.Context, client *ent.Client, id int) (*ent.Attachment, *ent.Proposal, error) {
	m, err := client.Attachment.Get(ctx, id)
	if ent.IsNotFound(err) || err == nil && m.OwnerType != AttachmentOwner {
		return nil, nil, apperr.NotFound("attachment")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read attachment %d: %w", id, err)
	}
	p, err := client.Proposal.Get(ctx, m.OwnerID)
	if ent.IsNotFound(err) {
		return nil, nil, apperr.NotFound("attachment")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read attachment %d's proposal: %w", id, err)
	}
	return m, p, nil
}
