package handlers

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/proposals"
	"yishi/internal/quota"
	"yishi/internal/viewer"
)

// createProposalAttachment godoc
//
//	@ID		createProposalAttachment
//	@Summary	Attach a file to a proposal
//	@Description	Streams one file (the multipart part "file") to storage: the original letter, a scan or a photo. Whoever may comment may attach: residents of the community, and guides entering a mailbox letter. The type is sniffed from the bytes, not taken from the client: JPEG, PNG, WebP, PDF or plain text. internal=true keeps the file from residents (needs proposal:read_internal). Files over the configured limit (YISHI_MAX_UPLOAD_BYTES) are refused with 413.
//	@Tags		attachments
//	@Accept		multipart/form-data
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int		true	"proposal id"
//	@Param		file		formData	file	true	"the file"
//	@Param		internal	formData	bool	false	"staff-only file"
//	@Success	201			{object}	attachmentResponse
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Failure	413			{object}	problem	"attachment.too_large, or attachment.quota_exceeded naming YISHI_TENANT_STORAGE_QUOTA or YISHI_USER_STORAGE_QUOTA"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Router		/v1/proposals/{id}/attachments [post]
func (s *server) createProposalAttachment(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	up, err := s.readAttachmentUpload(c, s.seesInternal(c, p))
	if err != nil {
		return err
	}
	m, err := s.insertAttachment(c.Request.Context(), p, up)
	if err != nil {
		s.discardBlob(c.Request.Context(), up.Key)
		return err
	}
	c.Header("Location", attachmentContentURL(m.ID))
	c.JSON(http.StatusCreated, newAttachmentResponse(m))
	return nil
}

// insertAttachment records a stored upload against p, within the
// tenant's and the uploader's storage quotas (413 naming the quota).
func (s *server) insertAttachment(ctx context.Context, p *ent.Proposal, up attachmentUpload) (*ent.Attachment, error) {
	a := proposals.NewAttachment{Filename: up.Filename, ContentType: up.ContentType, Size: up.Blob.Size,
		SHA256: up.Blob.SHA256, StorageKey: up.Key, Internal: up.Internal}
	if v := viewer.FromContext(ctx); v != nil {
		a.UploadedBy = v.UserID
	}
	limits := quota.Limits{Tenant: s.Config.TenantStorageQuota, User: s.Config.UserStorageQuota}
	if err := quota.CheckAttachment(ctx, s.Store.Client, limits, p.TenantID, a.UploadedBy, up.Blob.Size); err != nil {
		return nil, err
	}
	return proposals.AddAttachment(ctx, s.Store.Client, p, a)
}

// attachmentOwnerProposal is the owner_type of a proposal's attachments.
const attachmentOwnerProposal = proposals.AttachmentOwner
