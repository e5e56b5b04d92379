package handlers

import (
	"context"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/voteoption"
	"yishi/internal/apperr"
)

// loadVote reads the vote named by :id as the caller and checks vote:act.
// Privacy hides votes outside the caller's scope (404); residents read
// votes community-wide, like proposals, drafts included: a scheduled vote
// is announced before it opens.
func (s *server) loadVote(c *gin.Context, act string) (*ent.Vote, error) {
	id, err := pathID(c, "id", "vote")
	if err != nil {
		return nil, err
	}
	v, err := s.Store.Client.Vote.Get(c.Request.Context(), id)
	if ent.IsNotFound(err) {
		return nil, apperr.NotFound("vote")
	}
	if err != nil {
		return nil, err
	}
	if err := s.allowInCommunity(c, "vote", act, v.UnitPath, v.CommunityPath); err != nil {
		if e, ok := apperr.As(err); ok && e.Kind == apperr.KindNotFound {
			return nil, apperr.Forbidden("you may not " + act + " this vote")
		}
		return nil, err
	}
	return v, nil
}

// allowBallot checks vote:ballot. Members hold the resident role where
// their membership is, often a grid below the vote's community-level
// unit, so a grant anywhere in the vote's community counts; the roll then
// decides who is actually eligible.
func (s *server) allowBallot(c *gin.Context, v *ent.Vote) error {
	if s.allow(c, "vote", "ballot", v.UnitPath) == nil {
		return nil
	}
	who := caller(c)
	for _, scope := range who.Scopes {
		if who.TokenAllows("vote", "ballot") && strings.HasPrefix(scope, v.CommunityPath) &&
			s.Policy.Enforce(who.Subject, "vote", "ballot", scope) {
			return nil
		}
	}
	return apperr.Forbidden("you may not vote here")
}

// voteOptions lists a vote's options in ballot order.
func (s *server) voteOptions(ctx context.Context, voteID int) ([]*ent.VoteOption, error) {
	return s.Store.Client.VoteOption.Query().Where(voteoption.VoteID(voteID)).
		Order(ent.Asc(voteoption.FieldPosition)).All(ctx)
}

// optionIDs are the ids of opts in ballot order.
func optionIDs(opts []*ent.VoteOption) []int {
	out := make([]int, 0, len(opts))
	for _, o := range opts {
		out = append(out, o.ID)
	}
	return out
}

// optionsOf loads the options of a page of votes in one query.
func (s *server) optionsOf(c *gin.Context, votes []*ent.Vote) (map[int][]*ent.VoteOption, error) {
	ids := make([]int, 0, len(votes))
	for _, v := range votes {
		ids = append(ids, v.ID)
	}
	opts, err := s.Store.Client.VoteOption.Query().Where(voteoption.VoteIDIn(ids...)).
		Order(ent.Asc(voteoption.FieldVoteID), ent.Asc(voteoption.FieldPosition)).All(c.Request.Context())
	if err != nil {
		return nil, err
	}
	out := map[int][]*ent.VoteOption{}
	for _, o := range opts {
		out[o.VoteID] = append(out[o.VoteID], o)
	}
	return out, nil
}
