package proposals

import (
	"context"

	"yishi/ent"
	"yishi/internal/workflow"
)

// decideChange records the outcome, the decision text (the note, which
// residents read as what was decided) and the vote or minutes that support
// it. The rule for citations:
//   - a cited vote_id must be a closed vote on this proposal, and a cited
//     minutes_id approved minutes of a meeting whose agenda had it;
//   - without a citation, the proposal's one closed vote and the one
//     meeting's latest approved minutes are cited automatically, so a
//     decision never loses the record it rests on;
//   - when the record is ambiguous (two closed votes, two meetings'
//     minutes) and nothing could be cited, the lead must choose: 400;
//   - a proposal with no closed vote and no approved minutes is decided on
//     the note alone (a secretary deciding at a face-to-face session).
//
// TransitionTx has already checked the status (deliberating).
func decideChange(ctx context.Context, tx *ent.Tx, p *ent.Proposal, in TransitionInput) (change, error) {
	ch := change{input: workflow.Input{Outcome: in.Outcome}}
	if err := requireNote(in, "the note is the decision text residents read"); err != nil {
		return change{}, err
	}
	ev, err := loadEvidence(ctx, tx, p)
	if err != nil {
		return change{}, err
	}
	cite, err := ev.cite(in)
	if err != nil {
		return change{}, err
	}
	ch.set = func(u *ent.ProposalUpdate) {
		u.SetOutcome(proposalOutcome(in.Outcome)).SetDecisionNote(in.Note).
			SetNillableDecisionVoteID(first(cite.votes)).SetNillableDecisionMinutesID(first(cite.minutes)).
			SetDecisionVoteIds(cite.votes).SetDecisionMinutesIds(cite.minutes)
	}
	ch.detail = cite.detail()
	return ch, nil
}
