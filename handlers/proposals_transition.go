package handlers

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
)

// transitionRequest is the optional body of a proposal action.
type transitionRequest struct {
	Note       string `json:"note,omitempty" example:"请补充具体楼栋"`
	ReasonCode string `json:"reason_code,omitempty" example:"N02"`
	IntoID     int    `json:"into_id,omitempty" example:"41"`
	Outcome    string `json:"outcome,omitempty" enums:"approved,declined"`
	ReferredTo string `json:"referred_to,omitempty" example:"区住建局"`
	VoteID     *int   `json:"vote_id,omitempty" example:"8"`
	MinutesID  *int   `json:"minutes_id,omitempty" example:"5"`
	// VoteIDs and MinutesIDs let decide cite several votes and minutes;
	// vote_id and minutes_id, when given, are cited as well.
	VoteIDs    []int `json:"vote_ids,omitempty" example:"8,9"`
	MinutesIDs []int `json:"minutes_ids,omitempty" example:"5"`
	// AttachmentIDs are the photos resolve_on_spot cites (files already
	// uploaded to the proposal).
	AttachmentIDs []int `json:"attachment_ids,omitempty" example:"12"`
}

func (r *transitionRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if utf8.RuneCountInString(r.Note) > 5000 {
		out = append(out, apperr.FieldError{Field: "note", Message: "must be at most 5000 characters"})
	}
	if len(r.ReasonCode) > 64 {
		out = append(out, apperr.FieldError{Field: "reason_code", Message: "must be at most 64 characters"})
	}
	if len(r.VoteIDs) > 20 || len(r.MinutesIDs) > 20 {
		out = append(out, apperr.FieldError{Field: "vote_ids", Message: "cite at most 20 votes and 20 minutes"})
	}
	if len(r.AttachmentIDs) > 20 {
		out = append(out, apperr.FieldError{Field: "attachment_ids", Message: "cite at most 20 files"})
	}
	if r.IntoID < 0 {
		out = append(out, apperr.FieldError{Field: "into_id", Message: "must be a proposal id"})
	}
	return out
}

// transitionProposal godoc
//
//	@ID		transitionProposal
//	@Summary	Move a proposal through its lifecycle
//	@Description	action is one of submit, cosign, return, resubmit, accept, reject, merge, escalate, refer, schedule, decide, start, complete, close, withdraw, resolve_on_spot (the lifecycle table below). Each is allowed only to the roles that hold proposal:{action} at a unit that holds the proposal; submit, resubmit and withdraw also need the author (or, for offline channels, the guide who entered it). return and reject need a note; reject needs a negative-list reason_code when screening matched one; merge needs into_id; refer needs referred_to; decide needs outcome and a note (the decision text), and cites what supports it: vote_id, a closed vote on the proposal, and/or minutes_id, approved minutes of a meeting whose agenda had it; without either, the proposal's one closed vote and its one meeting's latest approved minutes are cited automatically, several candidates make it 400, and a proposal with neither is decided on the note alone; vote_ids and minutes_ids cite several votes and minutes at once (decision_vote_ids, decision_minutes_ids; decision_vote_id and decision_minutes_id keep the first). merge writes a merge_in event ("合并自 #N") on the target too. escalate keeps submitted_at and appends {from_unit_id, to_unit_id, escalated_at} to escalations. resolve_on_spot (proposal:resolve_on_spot: guide, lead) is the fast track: a draft or submitted proposal solved where it was reported goes to completed with a note and attachment_ids naming photos already uploaded to it (400 naming attachment_ids otherwise); submitted_at and resolved_at are stamped, so statistics count it. start needs a task (409 proposal.no_tasks); complete needs every task done (409 proposal.tasks_open). The current status is checked first: an illegal transition is 409 proposal.invalid_transition before any input is validated. Co-signing or submitting a joint proposal after its deadline is 409 proposal.deadline_passed. A concurrent change is 409 proposal.conflict (co-signatures retry on their own); a stale If-Match is 412.
//	@Tags		proposals
//	@Accept		json
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id			path		int					true	"proposal id"
//	@Param		action		path		string				true	"the action"	Enums(submit,cosign,return,resubmit,accept,reject,merge,escalate,refer,schedule,decide,start,complete,close,withdraw,resolve_on_spot)
//	@Param		If-Match	header		string				false	"ETag of the version you saw"
//	@Param		body		body		transitionRequest	false	"details"
//	@Success	200			{object}	proposalResponse	"the updated proposal, with allowed_actions for its new status"
//	@Failure	400			{object}	problem
//	@Failure	401			{object}	problem
//	@Failure	403			{object}	problem
//	@Failure	404			{object}	problem
//	@Failure	409			{object}	problem
//	@Failure	412			{object}	problem
//	@Failure	429	{object}	problem	"write.rate_limited: over YISHI_WRITE_RATE writes a minute; see Retry-After"
//	@Failure	415	{object}	problem	"request.unsupported_media_type: the body is not JSON"
//	@Router		/v1/proposals/{id}/{action} [post]
func (s *server) transitionProposal(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	if err := s.checkIfMatch(c, proposalETag(p)); err != nil {
		return err
	}
	var req transitionRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		return err
	}
	in := proposals.TransitionInput{Note: strings.TrimSpace(req.Note), ReasonCode: req.ReasonCode,
		Outcome: req.Outcome, ReferredTo: req.ReferredTo, IntoID: req.IntoID, VoteID: req.VoteID, MinutesID: req.MinutesID,
		VoteIDs: req.VoteIDs, MinutesIDs: req.MinutesIDs, AttachmentIDs: req.AttachmentIDs}
	out, err := proposals.Transition(c.Request.Context(), s.Store.Client, p, c.Param("action"), in, s.actor(c))
	if err != nil {
		return err
	}
	c.Header("ETag", proposalETag(out))
	c.JSON(http.StatusOK, s.proposalView(c, out))
	return nil
}
