package voting

import (
	"math/big"
	"slices"
	"strconv"
)

// Voter is one line of a vote's roll: who may cast a ballot (a person
// "u:7" or a household "h:12") and with what weight. FloorArea is the
// household's area (0 for people); Art. 278 counts it whatever the
// weighting.
type Voter struct {
	Key       string
	Weight    float64
	FloorArea float64
}

// Household is what the roll needs of a dwelling.
type Household struct {
	ID        int
	FloorArea float64
}

// Roll totals a frozen roll: how many may vote, their total weight and
// their total floor area, exactly.
type Roll struct {
	Count     int
	Weight    *big.Rat
	FloorArea *big.Rat
}

// PersonKey is the roll key of a registered user.
func PersonKey(userID int) string { return "u:" + strconv.Itoa(userID) }

// HouseholdKey is the roll key of a household: it votes once, whichever
// of its members casts the ballot.
func HouseholdKey(householdID int) string { return "h:" + strconv.Itoa(householdID) }

// PeopleRoll lists each user once with weight 1: a person who is a member
// of two grids of the subtree is still one voter.
func PeopleRoll(userIDs []int) []Voter {
	ids := slices.Clone(userIDs)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]Voter, 0, len(ids))
	for _, id := range ids {
		out = append(out, Voter{Key: PersonKey(id), Weight: 1})
	}
	return out
}

// HouseholdRoll lists each household once, weighted by its floor area
// when byArea, else 1.
func HouseholdRoll(hs []Household, byArea bool) []Voter {
	out := make([]Voter, 0, len(hs))
	for _, h := range hs {
		w := 1.0
		if byArea {
			w = h.FloorArea
		}
		out = append(out, Voter{Key: HouseholdKey(h.ID), Weight: w, FloorArea: h.FloorArea})
	}
	return out
}

// Totals adds up a roll exactly.
func Totals(voters []Voter) Roll {
	r := Roll{Weight: new(big.Rat), FloorArea: new(big.Rat)}
	for _, v := range voters {
		r.Count++
		sum(r.Weight, Amount(v.Weight))
		sum(r.FloorArea, Amount(v.FloorArea))
	}
	return r
}
