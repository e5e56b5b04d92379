package voting

import "math/big"

// civilCode278 is the double majority of Civil Code Art. 278. Owners of
// at least 2/3 of the floor area and at least 2/3 of the households must
// take part; then the first option ("同意") needs more than 1/2 of the
// participating area and of the participating households (ordinary
// matters), or at least 3/4 of both (major matters, Art. 278 items 6-8).
// Every threshold is reported, met or not.
func civilCode278(s Spec, r Roll, t Tally) Outcome {
	yes := &OptionTally{Weight: new(big.Rat), FloorArea: new(big.Rat)}
	if len(s.Options) > 0 {
		if o, ok := t.Options[s.Options[0]]; ok {
			yes = o
		}
	}
	approval, strict := share(1, 2), true
	if s.Major {
		approval, strict = share(3, 4), false
	}
	ths := []Threshold{
		newThreshold("participation_floor_area", "floor_area", share(2, 3), false, t.FloorArea, r.FloorArea),
		newThreshold("participation_headcount", "headcount", share(2, 3), false, count(t.Ballots), count(r.Count)),
		newThreshold("approval_floor_area", "floor_area", approval, strict, yes.FloorArea, t.FloorArea),
		newThreshold("approval_headcount", "headcount", approval, strict, count(yes.Count), count(t.Ballots)),
	}
	ok := true
	for i := range ths {
		if i >= 2 && len(s.Options) > 0 {
			ths[i].Option = s.Options[0]
		}
		ok = ok && ths[i].Met
	}
	out := Outcome{Rule: RuleCivilCode278, Thresholds: ths, Passed: passed(ok)}
	if ok {
		out.Winners = []int{s.Options[0]}
	}
	return out
}
