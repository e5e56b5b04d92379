package voting

import (
	"context"
	"fmt"
	"slices"

	"yishi/ent"
	"yishi/ent/eligiblevoter"
	"yishi/ent/householdmember"
	"yishi/ent/vote"
	"yishi/internal/apperr"
)

// Seat is the line of a vote's frozen roll a ballot is cast for.
type Seat struct {
	Key       string
	Weight    float64
	FloorArea float64
}

// NotEligible is the refusal of a ballot from someone with no line on the
// roll; the ballot route's on_roll predicate answers the same.
func NotEligible() error {
	return &apperr.Error{Kind: apperr.KindForbidden, Code: "vote.not_eligible",
		Detail: "you are not on this vote's roll"}
}

// SeatOf finds userID's line on v's frozen roll: their own, or, for a
// households vote, that of the eligible household they belong to
// (householdID picks one when there are several). It is on the ballot
// path: at most two small queries.
func SeatOf(ctx context.Context, client *ent.Client, v *ent.Vote, userID int, householdID *int) (Seat, error) {
	if userID == 0 {
		return Seat{}, apperr.Forbidden("only a person casts a ballot")
	}
	keys := []string{PersonKey(userID)}
	if v.Eligibility == vote.EligibilityHouseholds {
		ids, err := client.HouseholdMember.Query().Where(householdmember.UserID(userID)).
			Select(householdmember.FieldHouseholdID).Ints(ctx)
		if err != nil {
			return Seat{}, fmt.Errorf("read voter's households: %w", err)
		}
		if householdID != nil && !slices.Contains(ids, *householdID) {
			return Seat{}, NotEligible()
		}
		if householdID != nil {
			ids = []int{*householdID}
		}
		keys = keys[:0]
		for _, id := range ids {
			keys = append(keys, HouseholdKey(id))
		}
	}
	if len(keys) == 0 {
		return Seat{}, NotEligible()
	}
	rows, err := client.EligibleVoter.Query().Where(eligiblevoter.VoteID(v.ID),
		eligiblevoter.VoterKeyIn(keys...)).All(ctx)
	switch {
	case err != nil:
		return Seat{}, fmt.Errorf("read roll line: %w", err)
	case len(rows) == 0:
		return Seat{}, NotEligible()
	case len(rows) > 1:
		return Seat{}, apperr.Invalid(apperr.FieldError{Field: "household_id",
			Message: "you belong to several eligible households: name the one you vote for"})
	}
	return Seat{Key: rows[0].VoterKey, Weight: rows[0].Weight, FloorArea: rows[0].FloorArea}, nil
}
