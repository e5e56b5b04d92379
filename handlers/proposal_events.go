package handlers

import (
	"time"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/internal/proposals"
)

// proposalEventResponse is one timeline entry.
type proposalEventResponse struct {
	ID         int            `json:"id"`
	Actor      string         `json:"actor" example:"u:7"`
	ActorName  string         `json:"actor_name" example:"网格员小王"`
	Action     string         `json:"action" example:"submit"`
	From       string         `json:"from" example:"draft"`
	To         string         `json:"to" example:"submitted"`
	Note       string         `json:"note,omitempty"`
	ReasonCode string         `json:"reason_code,omitempty"`
	Detail     map[string]any `json:"detail,omitempty"`
	CreatedAt  time.Time      `json:"created_at"`
}

// listProposalEvents godoc
//
//	@ID		listProposalEvents
//	@Summary	A proposal's timeline
//	@Description	Every transition with actor, from, to, note and time, oldest first: what residents see as the proposal's history. actor_name is masked (李**) like the proposal's author, unless it is the caller's own entry or the caller reads internal fields (proposal:read_internal) where the proposal is handled.
//	@Tags		proposals
//	@Produce	json
//	@Security	BearerAuth
//	@Param		id		path		int		true	"proposal id"
//	@Param		limit	query		int		false	"page size, 1-200"
//	@Param		cursor	query		string	false	"next_cursor of the previous page"
//	@Success	200		{object}	pageOf[proposalEventResponse]
//	@Failure	400		{object}	problem
//	@Failure	401		{object}	problem
//	@Failure	404		{object}	problem
//	@Router		/v1/proposals/{id}/events [get]
func (s *server) listProposalEvents(c *gin.Context) error {
	p := targetOf[*ent.Proposal](c)
	personal, self := s.seesInternal(c, p), caller(c).Subject
	return respondPage(c, func(pg page) ([]*ent.ProposalEvent, error) {
		return proposals.Events(c.Request.Context(), s.Store.Client, p, pg.After, pg.Limit+1)
	}, func(e *ent.ProposalEvent) int { return e.ID }, func(e *ent.ProposalEvent) proposalEventResponse {
		return newProposalEventResponse(e, personal || e.Actor == self)
	})
}

// newProposalEventResponse converts one timeline entry, masking the
// actor's name (李** for 李阿姨) unless personal: staff who read
// internal fields (seesInternal) and the actor reading their own entry.
// Unlike the author field, the proposal's author does not see others'
// names on their timeline: theirs is the author's name, not the actors'.
func newProposalEventResponse(e *ent.ProposalEvent, personal bool) proposalEventResponse {
	name := e.ActorName
	if !personal {
		name = maskName(name)
	}
	return proposalEventResponse{ID: e.ID, Actor: e.Actor, ActorName: name, Action: e.Action,
		From: e.FromStatus, To: e.ToStatus, Note: e.Note, ReasonCode: e.ReasonCode, Detail: e.Detail,
		CreatedAt: e.CreatedAt.UTC()}
}
