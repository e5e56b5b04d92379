package proposals

import (
	"fmt"
	"slices"

	"yishi/internal/apperr"
)

// citation is what a decision cites, and whether the lead chose it. The
// first vote and minutes fill the single-id fields of older clients.
type citation struct {
	votes, minutes []int
	automatic      bool
}

// first is the first id of ids, or nil.
func first(ids []int) *int {
	if len(ids) == 0 {
		return nil
	}
	return &ids[0]
}

// cited merges a single id and a list into one list without repeats, in
// the order given.
func cited(one *int, many []int) []int {
	var out []int
	if one != nil {
		out = append(out, *one)
	}
	for _, id := range many {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// cite checks the lead's citations against ev, or picks the unambiguous
// ones when the lead named none (see decideChange for the rule). A
// decision may cite several votes (the love seat's style, place and name
// were once three votes) and several meetings' minutes.
func (ev evidence) cite(in TransitionInput) (citation, error) {
	votes, mins := cited(in.VoteID, in.VoteIDs), cited(in.MinutesID, in.MinutesIDs)
	var bad []apperr.FieldError
	if len(votes) > 20 || len(mins) > 20 {
		bad = append(bad, apperr.FieldError{Field: "vote_ids", Message: "cite at most 20 votes and 20 minutes"})
	}
	for _, id := range votes {
		if !slices.Contains(ev.votes, id) {
			bad = append(bad, apperr.FieldError{Field: citeField(in.VoteID, id, "vote_id", "vote_ids"),
				Message: fmt.Sprintf("%d must be a closed vote on this proposal", id)})
		}
	}
	for _, id := range mins {
		if _, ok := ev.minutes[id]; !ok {
			bad = append(bad, apperr.FieldError{Field: citeField(in.MinutesID, id, "minutes_id", "minutes_ids"),
				Message: fmt.Sprintf("%d must be approved minutes of a meeting that had this proposal on its agenda", id)})
		}
	}
	if len(bad) > 0 {
		return citation{}, apperr.Invalid(bad...)
	}
	if len(votes) > 0 || len(mins) > 0 {
		return citation{votes: votes, minutes: mins}, nil
	}
	c := citation{automatic: true}
	if len(ev.votes) == 1 {
		c.votes = []int{ev.votes[0]}
	}
	if len(ev.latest) == 1 {
		for _, id := range ev.latest {
			c.minutes = []int{id}
		}
	}
	if len(c.votes) == 0 && len(c.minutes) == 0 && (len(ev.votes) > 0 || len(ev.latest) > 0) {
		return c, ev.ambiguous()
	}
	return c, nil
}

// citeField names the field an invalid citation came from.
func citeField(single *int, id int, one, many string) string {
	if single != nil && *single == id {
		return one
	}
	return many
}
