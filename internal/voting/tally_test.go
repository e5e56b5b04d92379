package voting

import (
	"testing"
)

func TestCountWeighsEveryChosenOption(t *testing.T) {
	opts := []int{1, 2, 3}
	tl := Count(opts, []Ballot{
		{OptionIDs: []int{1, 2}, Weight: 88.5, FloorArea: 88.5},
		{OptionIDs: []int{2}, Weight: 0.1, FloorArea: 0.1},
		{OptionIDs: []int{99}, Weight: 7, FloorArea: 7},
	})
	if tl.Ballots != 3 || tl.Options[2].Count != 2 || tl.Options[3].Count != 0 {
		t.Fatalf("tally = %+v", tl)
	}
	if tl.Options[2].Weight.Cmp(Amount(88.6)) != 0 {
		t.Fatalf("weight of 2 = %v, want exactly 88.6", tl.Options[2].Weight)
	}
	if _, ok := tl.Options[99]; ok {
		t.Fatal("a foreign option was tallied")
	}
}

func TestAmountIsTheWrittenDecimal(t *testing.T) {
	a := sum(Amount(0.1), Amount(0.2))
	if a.Cmp(Amount(0.3)) != 0 {
		t.Fatalf("0.1 + 0.2 = %v", a.RatString())
	}
	if Amount(1e6).RatString() != "1000000" {
		t.Fatalf("1e6 = %s", Amount(1e6).RatString())
	}
}

func TestRollsCountPeopleOnceAndHouseholdsByArea(t *testing.T) {
	r := PeopleRoll([]int{7, 3, 7})
	if len(r) != 2 || r[0].Key != "u:3" || r[1].Key != "u:7" {
		t.Fatalf("people roll = %v", r)
	}
	hs := []Household{{ID: 1, FloorArea: 90.5}, {ID: 2, FloorArea: 60}}
	byArea, perHousehold := Totals(HouseholdRoll(hs, true)), Totals(HouseholdRoll(hs, false))
	if byArea.Weight.Cmp(Amount(150.5)) != 0 || perHousehold.Weight.Cmp(Amount(2)) != 0 ||
		perHousehold.FloorArea.Cmp(Amount(150.5)) != 0 || byArea.Count != 2 {
		t.Fatalf("by area %v, per household %v", byArea, perHousehold)
	}
}
