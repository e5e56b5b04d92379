package handlers

import (
	"slices"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/attachment"
	"yishi/internal/apperr"
)

// checkReportAttachments: a report cites only distinct files attached to
// its task's proposal that the caller can see.
func (s *server) checkReportAttachments(c *gin.Context, t *ent.Task, ids []int) error {
	if len(ids) == 0 {
		return nil
	}
	found, err := s.Store.Client.Attachment.Query().Where(attachment.IDIn(ids...),
		attachment.OwnerType("proposal"), attachment.OwnerID(t.ProposalID)).IDs(c.Request.Context())
	if err != nil {
		return err
	}
	for i, id := range ids {
		if !slices.Contains(found, id) || slices.Index(ids, id) != i {
			return apperr.Invalid(apperr.FieldError{Field: "attachment_ids",
				Message: "must name distinct files attached to this task's proposal"})
		}
	}
	return nil
}

// nonNilInts keeps JSON arrays from turning into null.
func nonNilInts(v []int) []int {
	if v == nil {
		return []int{}
	}
	return v
}
