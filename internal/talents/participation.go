package talents

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/cosignature"
	"yishi/ent/feedback"
	"yishi/ent/participant"
	"yishi/ent/proposal"
	"yishi/ent/task"
	"yishi/ent/voteparticipation"
	"yishi/internal/viewer"
)

// Participation is what a talent has done on the platform in the tenant,
// counted from the rows themselves, never typed in. Ballots are counted
// from vote participations only: which option was chosen is never read.
type Participation struct {
	ProposalsFiled    int `json:"proposals_filed"`
	ProposalsCosigned int `json:"proposals_cosigned"`
	MeetingsAttended  int `json:"meetings_attended"`
	TasksDone         int `json:"tasks_done"`
	BallotsCast       int `json:"ballots_cast"`
	FeedbackGiven     int `json:"feedback_given"`
}

// ParticipationOf counts userID's participation in the tenant. The caller
// has decided talent:read on the talent; the counts are read as the
// system, confined to tenantID, because a grid guide's scope does not
// reach the community meetings the person attended, and counts reveal no
// row. A talent not linked to a user has none.
func ParticipationOf(ctx context.Context, client *ent.Client, tenantID int, userID *int) (Participation, error) {
	var out Participation
	if userID == nil {
		return out, nil
	}
	uid, sys := *userID, viewer.SystemContext(ctx)
	counts := []struct {
		dst   *int
		count func() (int, error)
	}{
		{&out.ProposalsFiled, func() (int, error) {
			return client.Proposal.Query().Where(proposal.TenantID(tenantID), proposal.AuthorID(uid)).Count(sys)
		}},
		{&out.ProposalsCosigned, func() (int, error) {
			return client.Cosignature.Query().Where(cosignature.TenantID(tenantID), cosignature.UserID(uid)).Count(sys)
		}},
		{&out.MeetingsAttended, func() (int, error) {
			return client.Participant.Query().Where(participant.TenantID(tenantID), participant.UserID(uid),
				participant.Attended(true)).Count(sys)
		}},
		{&out.TasksDone, func() (int, error) {
			return client.Task.Query().Where(task.TenantID(tenantID), task.AssigneeID(uid),
				task.StatusEQ(task.StatusDone)).Count(sys)
		}},
		{&out.BallotsCast, func() (int, error) {
			return client.VoteParticipation.Query().Where(voteparticipation.TenantID(tenantID),
				voteparticipation.CastBy(uid)).Count(sys)
		}},
		{&out.FeedbackGiven, func() (int, error) {
			return client.Feedback.Query().Where(feedback.TenantID(tenantID), feedback.UserID(uid)).Count(sys)
		}},
	}
	for _, c := range counts {
		n, err := c.count()
		if err != nil {
			return out, fmt.Errorf("count participation of user %d: %w", uid, err)
		}
		*c.dst = n
	}
	return out, nil
}
