package proposals

import (
	"fmt"
	"slices"

	"yishi/internal/apperr"
)

// ambiguous is the 400 for a decision that names no citation while the
// proposal's record offers several: it lists them so the lead can choose.
func (ev evidence) ambiguous() error {
	mins := make([]int, 0, len(ev.latest))
	for _, id := range ev.latest {
		mins = append(mins, id)
	}
	slices.Sort(mins)
	return apperr.Invalid(
		apperr.FieldError{Field: "vote_id", Message: fmt.Sprintf("is required: cite one of the closed votes %v", ev.votes)},
		apperr.FieldError{Field: "minutes_id", Message: fmt.Sprintf("or one of the approved minutes %v", mins)},
	)
}

// detail is what the decide event shows of the citation, so the timeline
// says what the decision rests on; nil when it rests on the note alone.
func (c citation) detail() map[string]any {
	if len(c.votes) == 0 && len(c.minutes) == 0 {
		return nil
	}
	d := map[string]any{"citation": "explicit"}
	if c.automatic {
		d["citation"] = "automatic"
	}
	if len(c.votes) > 0 {
		d["vote_id"], d["vote_ids"] = c.votes[0], c.votes
	}
	if len(c.minutes) > 0 {
		d["minutes_id"], d["minutes_ids"] = c.minutes[0], c.minutes
	}
	return d
}
