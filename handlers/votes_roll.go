package handlers

import (
	"slices"

	"github.com/gin-gonic/gin"

	"yishi/ent"
	"yishi/ent/eligiblevoter"
	"yishi/ent/householdmember"
	"yishi/ent/vote"
	"yishi/internal/apperr"
	"yishi/internal/voting"
)

// rollSeat is the roll line a ballot is cast for.
type rollSeat struct {
	Key       string
	Weight    float64
	FloorArea float64
}

func notEligible() error {
	return &apperr.Error{Kind: apperr.KindForbidden, Code: "vote.not_eligible",
		Detail: "you are not on this vote's roll"}
}

// rollSeatOf finds the caller's line on v's frozen roll: their own, or,
// for a households vote, that of the eligible household they belong to.
func (s *server) rollSeatOf(c *gin.Context, v *ent.Vote, householdID *int) (rollSeat, error) {
	who := caller(c)
	if who.UserID == 0 {
		return rollSeat{}, apperr.Forbidden("only a person casts a ballot")
	}
	keys := []string{voting.PersonKey(who.UserID)}
	if v.Eligibility == vote.EligibilityHouseholds {
		ids, err := s.Store.Client.HouseholdMember.Query().Where(householdmember.UserID(who.UserID)).
			Select(householdmember.FieldHouseholdID).Ints(c.Request.Context())
		if err != nil {
			return rollSeat{}, err
		}
		if householdID != nil && !slices.Contains(ids, *householdID) {
			return rollSeat{}, notEligible()
		}
		if householdID != nil {
			ids = []int{*householdID}
		}
		keys = keys[:0]
		for _, id := range ids {
			keys = append(keys, voting.HouseholdKey(id))
		}
	}
	if len(keys) == 0 {
		return rollSeat{}, notEligible()
	}
	rows, err := s.Store.Client.EligibleVoter.Query().Where(eligiblevoter.VoteID(v.ID),
		eligiblevoter.VoterKeyIn(keys...)).All(c.Request.Context())
	switch {
	case err != nil:
		return rollSeat{}, err
	case len(rows) == 0:
		return rollSeat{}, notEligible()
	case len(rows) > 1:
		return rollSeat{}, apperr.Invalid(apperr.FieldError{Field: "household_id",
			Message: "you belong to several eligible households: name the one you vote for"})
	}
	return rollSeat{Key: rows[0].VoterKey, Weight: rows[0].Weight, FloorArea: rows[0].FloorArea}, nil
}
