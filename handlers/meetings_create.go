package handlers

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/meetings"
	"yishi/internal/store"
)

// createMeeting godoc
//
//	@ID		createMeeting
//	@Summary	Schedule a meeting, or a recurring series
//	@Description	Needs meeting:create at the unit (lead, guide); the caller is the convener. The answer carries allowed_actions as GET /v1/meetings/{id} does. venue_id must name an active venue of the tenant that the caller can see. proposal_ids become the agenda: on a deliberation (and on every format but report_meeting) an accepted proposal moves to deliberating in the same transaction, its timeline showing "schedule" (this needs proposal:schedule, i.e. a lead); a proposal already deliberating (deferred earlier) is noted on its timeline; any other status is 409 proposal.invalid_transition. A report_meeting's agenda lists proposals it reports on, in any status from accepted on, without a transition. Proposals must be visible to the caller and handled in, or filed in, the meeting's unit or below (else 400 proposal_ids). recurrence is an RFC 5545 RRULE subset — FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, and COUNT or UNTIL, at most 52 occurrences; weekday and time come from starts_at — and creates one meeting per occurrence, sharing series_id (the first one's id), listed in occurrences. Nothing is written when anything fails.
//	@Tags		meetings
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int						true	"unit id"
//	@Param		body	body		createMeetingRequest	true	"the meeting"
//	@Success	201		{object}	meetingDetailResponse
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	403		{object}	problem
//	@Failure	404		{object}	problem
//	@Failure	409		{object}	problem	"proposal.invalid_transition"
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/units/{id}/meetings [post]
func (s *server) createMeeting(c *gin.Context) error {
	u := targetOf[*ent.Unit](c)
	var req createMeetingRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if len(req.ProposalIDs) > 0 && req.Format != meetings.ReportMeeting {
		if err := s.allowSchedule(c, u.Path, req.ProposalIDs); err != nil {
			return err
		}
	}
	ctx, by := c.Request.Context(), s.actor(c)
	n := meetings.NewMeeting{Unit: u, Title: req.Title, Format: req.Format, VenueID: req.VenueID,
		StartsAt: req.StartsAt, EndsAt: req.EndsAt, ConvenerID: userIDPtr(caller(c)), Rule: req.rule,
		ProposalIDs: req.ProposalIDs}
	var created []*ent.Meeting
	err := store.WithTx(ctx, s.Store.Client, func(tx *ent.Tx) error {
		var err error
		created, err = meetings.Create(ctx, tx, n, by)
		return err
	})
	if err != nil {
		return err
	}
	out, err := s.meetingDetail(c, created[0])
	if err != nil {
		return err
	}
	if len(created) > 1 {
		for _, m := range created {
			out.Occurrences = append(out.Occurrences, meetingOccurrence{ID: m.ID, StartsAt: m.StartsAt.UTC()})
		}
	}
	c.Header("Location", "/v1/meetings/"+strconv.Itoa(created[0].ID))
	c.Header("ETag", meetingETag(created[0]))
	c.JSON(http.StatusCreated, out)
	return nil
}
