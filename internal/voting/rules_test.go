package voting

import (
	"slices"
	"testing"
)

func people(n int) Roll {
	ids := make([]int, n)
	for i := range ids {
		ids[i] = i + 1
	}
	return Totals(PeopleRoll(ids))
}

func ballotsFor(choices ...[]int) []Ballot {
	var out []Ballot
	for _, c := range choices {
		out = append(out, Ballot{OptionIDs: c, Weight: 1})
	}
	return out
}

func TestPluralityElectsTheMostAndReportsTies(t *testing.T) {
	opts := []int{10, 11, 12}
	o := Evaluate(Spec{Rule: RulePlurality, Options: opts}, people(5), Count(opts, ballotsFor([]int{10}, []int{11}, []int{11})))
	if o.Passed != nil || !slices.Equal(o.Winners, []int{11}) {
		t.Fatalf("plurality = %+v", o)
	}
	o = Evaluate(Spec{Rule: RulePlurality, Options: opts}, people(5), Count(opts, ballotsFor([]int{10}, []int{12})))
	if !slices.Equal(o.Winners, []int{10, 12}) {
		t.Fatalf("tie = %v", o.Winners)
	}
	if o := Evaluate(Spec{Rule: RulePlurality, Options: opts}, people(5), Count(opts, nil)); len(o.Winners) != 0 {
		t.Fatalf("no ballots elected %v", o.Winners)
	}
}

func TestMajorityQuorumBoundaries(t *testing.T) {
	opts := []int{1, 2}
	spec := Spec{Rule: RuleMajorityQuorum, Options: opts, Quorum: 0.6}
	// 6 of 10 vote: quorum exactly met; 4 to 2 is a majority.
	b := ballotsFor([]int{1}, []int{1}, []int{1}, []int{1}, []int{2}, []int{2})
	o := Evaluate(spec, people(10), Count(opts, b))
	if !*o.Passed || !slices.Equal(o.Winners, []int{1}) || o.Thresholds[1].Option != 1 {
		t.Fatalf("6/10, 4:2 = %+v", o)
	}
	// 5 of 10: below the quorum.
	if o := Evaluate(spec, people(10), Count(opts, b[:5])); *o.Passed || o.Thresholds[0].Met {
		t.Fatal("5/10 met a 0.6 quorum")
	}
	// 3:3 is no majority.
	b = ballotsFor([]int{1}, []int{1}, []int{1}, []int{2}, []int{2}, []int{2})
	if o := Evaluate(spec, people(10), Count(opts, b)); *o.Passed || o.Thresholds[1].Met {
		t.Fatal("a tie passed")
	}
	// Multiple choice: the top option is approved by all 4, the other by 3.
	b = ballotsFor([]int{1, 2}, []int{1, 2}, []int{1, 2}, []int{1})
	if o := Evaluate(spec, people(4), Count(opts, b)); !*o.Passed || o.Winners[0] != 1 {
		t.Fatalf("4 vs 3 approvals = %+v", o)
	}
}

func TestThresholdRequiredIsShareOfBase(t *testing.T) {
	th := newThreshold("x", "floor_area", share(2, 3), false, Amount(200), Amount(300))
	if th.Required().Cmp(Amount(200)) != 0 || !th.Met {
		t.Fatalf("required %v met %v", th.Required(), th.Met)
	}
	if newThreshold("x", "headcount", share(1, 2), true, count(0), count(0)).Met {
		t.Fatal("a share of nothing was met")
	}
}
