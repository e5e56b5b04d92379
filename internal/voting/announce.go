package voting

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/voteparticipation"
	"yishi/internal/proposals"
	"yishi/internal/viewer"
)

// announceResult puts a closed vote on its proposal's timeline, in the
// closing transaction, so the author, co-signers and followers are
// notified that the result is out. The proposal is read as system: the
// vote is already tied to it and the closer already authorized.
func announceResult(ctx context.Context, tx *ent.Tx, v *ent.Vote) error {
	if v.ProposalID == nil {
		return nil
	}
	p, err := tx.Proposal.Get(viewer.SystemContext(ctx), *v.ProposalID)
	if err != nil {
		return fmt.Errorf("announce vote %d: load proposal: %w", v.ID, err)
	}
	turnout, err := tx.VoteParticipation.Query().Where(voteparticipation.VoteID(v.ID)).Count(ctx)
	if err != nil {
		return fmt.Errorf("announce vote %d: turnout: %w", v.ID, err)
	}
	by := proposals.Actor{Subject: "system", Name: "system"}
	if cv := viewer.FromContext(ctx); cv != nil && !cv.IsSystem() {
		by = proposals.Actor{Subject: cv.Subject, UserID: cv.UserID}
	}
	note := fmt.Sprintf("投票「%s」已结束，%d人（户）参与，结果已公布", v.Title, turnout)
	return proposals.RecordEvent(ctx, tx, p, by, "vote_result", note,
		map[string]any{"vote_id": v.ID, "turnout": turnout})
}
