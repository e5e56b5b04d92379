package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent"
	"yishi/internal/voting"
)

// voteAccess is v as access sees it, for allowed_actions on a vote the
// route did not load (one just created, or a page of them).
func voteAccess(v *ent.Vote) access.Target {
	return access.Target{Kind: "vote", UnitPath: v.UnitPath, CommunityPath: v.CommunityPath,
		Visible: true, Object: v}
}

// voteActionList are the buttons of a vote: the lead opens a draft and
// closes an open one; a voter on the roll casts a ballot while it is open.
// The window's clock (opens_at, closes_at) is left to the routes' 409.
func voteActionList(v *ent.Vote) []action {
	isOpen := func() bool { return voting.IsOpen(v) }
	return []action{
		{Name: "open", Route: "POST /v1/votes/:id/open", Ready: func() bool { return voting.IsDraft(v) }},
		{Name: "close", Route: "POST /v1/votes/:id/close", Ready: isOpen},
		{Name: "ballot", Route: "POST /v1/votes/:id/ballots", Ready: isOpen},
	}
}

// voteOut is v with its options and what the caller may do to it now.
func (s *server) voteOut(c *gin.Context, v *ent.Vote, opts []*ent.VoteOption) voteResponse {
	out := newVoteResponse(v, opts)
	out.AllowedActions = s.allowedActions(c, voteAccess(v), voteActionList(v))
	return out
}

// optionIDs are the ids of opts in ballot order.
func optionIDs(opts []*ent.VoteOption) []int {
	out := make([]int, 0, len(opts))
	for _, o := range opts {
		out = append(out, o.ID)
	}
	return out
}
