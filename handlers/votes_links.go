package handlers

import (
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
)

// checkVoteLinks: a linked proposal or meeting must be one the lead can
// see, in the vote's unit or below it.
func (s *server) checkVoteLinks(c *gin.Context, u *ent.Unit, req createVoteRequest) error {
	ctx := c.Request.Context()
	var bad []apperr.FieldError
	if req.ProposalID != nil {
		p, err := s.Store.Client.Proposal.Get(ctx, *req.ProposalID)
		if err != nil && !ent.IsNotFound(err) {
			return err
		}
		if p == nil || !strings.HasPrefix(p.UnitPath, u.Path) {
			bad = append(bad, apperr.FieldError{Field: "proposal_id", Message: "names no proposal of this unit or below"})
		}
	}
	if req.MeetingID != nil {
		m, err := s.Store.Client.Meeting.Get(ctx, *req.MeetingID)
		if err != nil && !ent.IsNotFound(err) {
			return err
		}
		if m == nil || !strings.HasPrefix(m.UnitPath, u.Path) {
			bad = append(bad, apperr.FieldError{Field: "meeting_id", Message: "names no meeting of this unit or below"})
		}
	}
	if len(bad) > 0 {
		return apperr.Invalid(bad...)
	}
	return nil
}
