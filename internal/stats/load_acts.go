package stats

import (
	"context"
	"fmt"

	"yishi/ent"
	"yishi/ent/cosignature"
	"yishi/ent/feedback"
	"yishi/ent/meeting"
	"yishi/ent/participant"
	"yishi/ent/voteparticipation"
)

// loadCosignatures adds the co-signatures people made on the subtree's
// proposals. Signatures a merge carried over are copies, not acts, and
// are skipped.
func (f *facts) loadCosignatures(ctx context.Context, client *ent.Client, community string, ids map[int]string) error {
	rows, err := client.Cosignature.Query().
		Where(cosignature.CommunityPathHasPrefix(community), cosignature.MergedFromIsNil()).
		Select(cosignature.FieldProposalID, cosignature.FieldUserID, cosignature.FieldCreatedAt).All(ctx)
	if err != nil {
		return fmt.Errorf("stats: co-signatures: %w", err)
	}
	for _, r := range rows {
		if path, ok := ids[r.ProposalID]; ok {
			f.acts = append(f.acts, act{user: r.UserID, at: r.CreatedAt, path: path})
		}
	}
	return nil
}

// loadFeedback adds feedback on the subtree's proposals, both as taking
// part and as a satisfaction score.
func (f *facts) loadFeedback(ctx context.Context, client *ent.Client, community string, ids map[int]string) error {
	rows, err := client.Feedback.Query().Where(feedback.CommunityPathHasPrefix(community)).
		Select(feedback.FieldProposalID, feedback.FieldUserID, feedback.FieldSatisfaction, feedback.FieldCreatedAt).
		All(ctx)
	if err != nil {
		return fmt.Errorf("stats: feedback: %w", err)
	}
	for _, r := range rows {
		if path, ok := ids[r.ProposalID]; ok {
			f.acts = append(f.acts, act{user: r.UserID, at: r.CreatedAt, path: path})
			f.scores = append(f.scores, score{at: r.CreatedAt, value: r.Satisfaction, path: path})
		}
	}
	return nil
}

// loadAttendance adds registered participants who attended a meeting of
// the subtree, dated by the meeting's start. Guests have no user and are
// not counted.
func (f *facts) loadAttendance(ctx context.Context, client *ent.Client, path string) error {
	meetings, err := client.Meeting.Query().Where(meeting.UnitPathHasPrefix(path)).
		Select(meeting.FieldID, meeting.FieldStartsAt, meeting.FieldUnitPath).All(ctx)
	if err != nil {
		return fmt.Errorf("stats: meetings: %w", err)
	}
	starts := make(map[int]*ent.Meeting, len(meetings))
	for _, m := range meetings {
		starts[m.ID] = m
	}
	rows, err := client.Participant.Query().Where(participant.UnitPathHasPrefix(path),
		participant.Attended(true), participant.UserIDNotNil()).
		Select(participant.FieldMeetingID, participant.FieldUserID).All(ctx)
	if err != nil {
		return fmt.Errorf("stats: participants: %w", err)
	}
	for _, r := range rows {
		if m, ok := starts[r.MeetingID]; ok {
			f.acts = append(f.acts, act{user: *r.UserID, at: m.StartsAt, path: m.UnitPath})
		}
	}
	return nil
}

// loadVotes adds the people who cast a ballot in a vote of the subtree
// (for a household, the member who cast it).
func (f *facts) loadVotes(ctx context.Context, client *ent.Client, path string) error {
	rows, err := client.VoteParticipation.Query().
		Where(voteparticipation.UnitPathHasPrefix(path), voteparticipation.CastByNotNil()).
		Select(voteparticipation.FieldCastBy, voteparticipation.FieldCreatedAt, voteparticipation.FieldUnitPath).All(ctx)
	if err != nil {
		return fmt.Errorf("stats: votes: %w", err)
	}
	for _, r := range rows {
		f.acts = append(f.acts, act{user: *r.CastBy, at: r.CreatedAt, path: r.UnitPath})
	}
	return nil
}
