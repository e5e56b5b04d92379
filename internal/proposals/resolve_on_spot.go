package proposals

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
	"yishi/ent/attachment"
	"yishi/internal/apperr"
)

// resolveOnSpotChange is the fast track's check: a note saying what was
// done and at least one photo already attached to this proposal. The
// timeline entry cites the photos; stampTimes stamps submitted_at and
// resolved_at, so statistics count the case as resolved.
func resolveOnSpotChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal, in TransitionInput) (change, error) {
	if err := requireNote(in, "say what was done on the spot"); err != nil {
		return change{}, err
	}
	if len(in.AttachmentIDs) == 0 || len(in.AttachmentIDs) > 20 {
		return change{}, apperr.Invalid(apperr.FieldError{Field: "attachment_ids",
			Message: "cite 1 to 20 photos uploaded to this proposal (POST /v1/proposals/{id}/attachments)"})
	}
	ids := slices.Compact(slices.Sorted(slices.Values(in.AttachmentIDs)))
	n, err := tx.Attachment.Query().Where(attachment.OwnerType(AttachmentOwner), attachment.OwnerID(p.ID),
		attachment.IDIn(ids...)).Count(ctx)
	if err != nil {
		return change{}, fmt.Errorf("resolve on the spot: check attachments: %w", err)
	}
	if n != len(ids) {
		return change{}, apperr.Invalid(apperr.FieldError{Field: "attachment_ids", Message: "must name files attached to this proposal"})
	}
	return change{detail: map[string]any{"attachment_ids": ids, "fast_track": true}}, nil
}
