package voting

import (
	"fmt"
	"slices"

	"yishi/internal/apperr"
)

// CheckChoice validates a ballot's option ids against the vote's options
// and its maximum number of choices: at least one, no repeats, none from
// another vote.
func CheckChoice(chosen, options []int, maxChoices int) []apperr.FieldError {
	bad := func(m string) []apperr.FieldError { return []apperr.FieldError{{Field: "option_ids", Message: m}} }
	switch {
	case len(chosen) == 0:
		return bad("choose at least one option")
	case len(chosen) > maxChoices:
		return bad(fmt.Sprintf("choose at most %d option(s)", maxChoices))
	}
	seen := map[int]bool{}
	for _, id := range chosen {
		if seen[id] {
			return bad(fmt.Sprintf("option %d is chosen twice", id))
		}
		seen[id] = true
		if !slices.Contains(options, id) {
			return bad(fmt.Sprintf("option %d is not an option of this vote", id))
		}
	}
	return nil
}
