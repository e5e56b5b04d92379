package voting

import (
	"context"
	"fmt"
	"strings"
	"time"

	"yishi/ent"
	"yishi/ent/vote"
	"yishi/internal/units"
)

// NewVote is a draft vote as a lead sets it up at Unit; Config has been
// validated and defaulted by the caller, and the times are in UTC.
type NewVote struct {
	Unit       *ent.Unit
	Title      string
	ProposalID *int
	MeetingID  *int
	Config     Config
	Anonymous  bool
	OpensAt    *time.Time
	ClosesAt   *time.Time
	CreatedBy  *int
	Options    []string
	// Questions make a multi-question vote (Options is then empty).
	Questions []Question
}

// Create writes n and its options in tx, so a vote never exists without
// the ballot paper it is voted on.
func Create(ctx context.Context, tx *ent.Tx, n NewVote) (*ent.Vote, []*ent.VoteOption, error) {
	u, cfg := n.Unit, n.Config
	method, maxChoices := cfg.Method, 0
	if cfg.MaxChoices != nil {
		maxChoices = *cfg.MaxChoices
	}
	stored, qMethod, qMax := Stored(n.Questions)
	if len(n.Questions) > 0 {
		method, maxChoices = qMethod, qMax
	}
	v, err := tx.Vote.Create().SetTenantID(u.TenantID).SetUnitID(u.ID).SetUnitPath(u.Path).
		SetCommunityPath(units.CommunityPath(u.Path)).SetTitle(strings.TrimSpace(n.Title)).
		SetNillableProposalID(n.ProposalID).SetNillableMeetingID(n.MeetingID).
		SetMethod(vote.Method(method)).SetMaxChoices(maxChoices).SetQuestions(stored).
		SetEligibility(vote.Eligibility(cfg.Eligibility)).SetWeighting(vote.Weighting(cfg.Weighting)).
		SetRule(vote.Rule(cfg.Rule)).SetNillableQuorum(cfg.Quorum).SetMajorMatter(cfg.MajorMatter).
		SetAnonymous(n.Anonymous).SetResultsVisibility(vote.ResultsVisibility(cfg.ResultsVisibility)).
		SetNillableOpensAt(n.OpensAt).SetNillableClosesAt(n.ClosesAt).
		SetNillableCreatedBy(n.CreatedBy).Save(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("create vote: %w", err)
	}
	bulk := make([]*ent.VoteOptionCreate, 0, len(n.Options))
	for i, l := range n.Options {
		// Tenant columns come from the vote (schema.TenantChildMixin).
		bulk = append(bulk, tx.VoteOption.Create().SetVoteID(v.ID).SetLabel(strings.TrimSpace(l)).SetPosition(i))
	}
	// A multi-question vote numbers its options through all questions,
	// so ballot order is question order, then option order.
	for qi, q := range n.Questions {
		for _, l := range q.Options {
			bulk = append(bulk, tx.VoteOption.Create().SetVoteID(v.ID).SetLabel(strings.TrimSpace(l)).
				SetPosition(len(bulk)).SetQuestion(qi+1))
		}
	}
	opts, err := tx.VoteOption.CreateBulk(bulk...).Save(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("create vote options: %w", err)
	}
	return v, opts, nil
}
