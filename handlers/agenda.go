package handlers

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/meetings"
	"yishi/internal/store"
)

// createAgendaItemRequest adds a proposal, or a free item with a title,
// to a meeting's agenda.
type createAgendaItemRequest struct {
	ProposalID *int   `json:"proposal_id,omitempty" example:"12"`
	Title      string `json:"title,omitempty" example:"椅子款式与摆放位置" maxLength:"200"`
}

func (r *createAgendaItemRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.ProposalID != nil && *r.ProposalID <= 0 {
		out = append(out, apperr.FieldError{Field: "proposal_id", Message: "must be a proposal id"})
	}
	n := utf8.RuneCountInString(strings.TrimSpace(r.Title))
	if n > 200 || (n == 0 && r.ProposalID == nil) {
		out = append(out, apperr.FieldError{Field: "title", Message: "must be 1 to 200 characters (or give proposal_id)"})
	}
	return out
}

// createAgendaItem godoc
//
//	@ID		createAgendaItem
//	@Summary	Put an item on a meeting's agenda
//	@Description	Needs meeting:update (lead, guide) on a scheduled meeting (409 meeting.not_scheduled). A proposal must be visible to the caller and handled in, or filed in, the meeting's unit or below (else 400 proposal_id). On a report_meeting it is reported on, in any status from accepted on, with a timeline entry. On any other format an accepted proposal moves to deliberating in the same transaction (needs proposal:schedule, i.e. a lead), one already deliberating is noted on its timeline, and any other status is 409 proposal.invalid_transition. A proposal is on one meeting's agenda once (409 agenda.duplicate).
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"meeting id"
//	@Param		body	body		createAgendaItemRequest	true	"the item"
//	@Success	201		{object}	agendaItemResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/meetings/{id}/agenda [post]
func (s *server) createAgendaItem(c *gin.Context) error {
	m := targetOf[*ent.Meeting](c)
	var req createAgendaItemRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if req.ProposalID != nil && string(m.Format) != meetings.ReportMeeting {
		if err := s.allowSchedule(c, m.UnitPath, []int{*req.ProposalID}); err != nil {
			return err
		}
	}
	ctx, by := c.Request.Context(), s.actor(c)
	in := meetings.AgendaInput{ProposalID: req.ProposalID, Title: req.Title, Field: "proposal_id"}
	var item *ent.AgendaItem
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		item, err = meetings.AddAgendaItem(ctx, tx, m, in, by)
		return err
	})
	if err != nil {
		return err
	}
	status, err := meetings.ProposalStatuses(ctx, s.Store.Client, []*ent.AgendaItem{item})
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, newAgendaItemResponse(item, agendaStatus(item, status)))
	return nil
}

// allowSchedule decides proposal:schedule at the meeting's unit and at the
// unit handling each proposal the caller can see: a proposal escalated
// out of a grid is scheduled by the community, not by a grid lead whose
// meeting it was filed under. Proposals the caller cannot see are left to
// the agenda's own 400.
func (s *server) allowSchedule(c *gin.Context, meetingPath string, ids []int) error {
	at := access.Target{Kind: "proposal", UnitPath: meetingPath, Visible: true}
	if err := s.decide(c, "proposal:schedule", at, access.Subtree); err != nil {
		return err
	}
	ps, err := meetings.AgendaProposals(c.Request.Context(), s.Store.Client, ids)
	if err != nil {
		return err
	}
	for _, p := range ps {
		t := access.Target{Kind: "proposal", UnitPath: p.UnitPath, CommunityPath: p.CommunityPath, Visible: true, Object: p}
		if err := s.decide(c, "proposal:schedule", t, access.Subtree); err != nil {
			if _, ok := apperr.As(err); !ok {
				return err
			}
			return apperr.Forbidden(fmt.Sprintf("proposal %d is handled at a unit where you may not schedule it", p.ID))
		}
	}
	return nil
}
