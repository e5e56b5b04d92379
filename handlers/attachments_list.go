package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/proposals"
)

// listProposalAttachments godoc
//
//	@ID		listProposalAttachments
//	@Summary	A proposal's attachments
//	@Description	Oldest first, without the bytes: each item's download_url serves them. Internal files are included only for callers with proposal:read_internal.
//	@Tags		attachments
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"proposal id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[attachmentResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/proposals/{id}/attachments [get]
func (s *server) listProposalAttachments(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	internal := s.seesInternal(c, p)
	return respondPage(c, func(pg page) ([]*ent.Attachment, error) {
		return proposals.Attachments(c.Request.Context(), s.Store.Client, p, internal, pg.After, pg.Limit+1)
	}, func(m *ent.Attachment) int { return m.ID }, newAttachmentResponse)
}
