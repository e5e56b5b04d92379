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
//	@Summary	A proposal's timeline
//	@Description	Every transition with actor, from, to, note and time, oldest first: what residents see as the proposal's history.
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
	return respondPage(c, func(pg page) ([]*ent.ProposalEvent, error) {
		return proposals.Events(c.Request.Context(), s.Store.Client, p, pg.After, pg.Limit+1)
	}, func(e *ent.ProposalEvent) int { return e.ID }, newProposalEventResponse)
}

// newProposalEventResponse converts one timeline entry.
func newProposalEventResponse(e *ent.ProposalEvent) proposalEventResponse {
	return proposalEventResponse{ID: e.ID, Actor: e.Actor, ActorName: e.ActorName, Action: e.Action,
		From: e.FromStatus, To: e.ToStatus, Note: e.Note, ReasonCode: e.ReasonCode, Detail: e.Detail,
		CreatedAt: e.CreatedAt.UTC()}
}
