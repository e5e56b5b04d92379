package voting

import (
	"context"
	"fmt"
	"strings"

	"yishi/ent"
	"yishi/ent/vote"
	"yishi/internal/apperr"
)

// IsDraft reports whether v is still being set up: only then is it opened.
func IsDraft(v *ent.Vote) bool { return v.Status == vote.StatusDraft }

// IsOpen reports whether v takes ballots and can be closed.
func IsOpen(v *ent.Vote) bool { return v.Status == vote.StatusOpen }

// IsClosed reports whether v is final: its ballots are published then.
func IsClosed(v *ent.Vote) bool { return v.Status == vote.StatusClosed }

// ResultsHidden reports whether v's counts stay hidden for now: an
// after_close vote shows turnout only until it closes.
func ResultsHidden(v *ent.Vote) bool {
	return v.ResultsVisibility == vote.ResultsVisibilityAfterClose && !IsClosed(v)
}

// CheckLinks checks that the proposal and meeting a new vote names are
// visible to the caller (client reads as the caller) and lie in unitPath
// or below; each bad link is a field error.
func CheckLinks(ctx context.Context, client *ent.Client, unitPath string, proposalID, meetingID *int) error {
	var bad []apperr.FieldError
	if proposalID != nil {
		p, err := client.Proposal.Get(ctx, *proposalID)
		if err != nil && !ent.IsNotFound(err) {
			return fmt.Errorf("read linked proposal: %w", err)
		}
		if p == nil || !strings.HasPrefix(p.UnitPath, unitPath) {
			bad = append(bad, apperr.FieldError{Field: "proposal_id", Message: "names no proposal of this unit or below"})
		}
	}
	if meetingID != nil {
		m, err := client.Meeting.Get(ctx, *meetingID)
		if err != nil && !ent.IsNotFound(err) {
			return fmt.Errorf("read linked meeting: %w", err)
		}
		if m == nil || !strings.HasPrefix(m.UnitPath, unitPath) {
			bad = append(bad, apperr.FieldError{Field: "meeting_id", Message: "names no meeting of this unit or below"})
		}
	}
	if len(bad) > 0 {
		return apperr.Invalid(bad...)
	}
	return nil
}
