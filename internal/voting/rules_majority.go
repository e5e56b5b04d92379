package voting

// majorityQuorum passes the leading option when the turnout weight is at
// least Quorum of the roll's weight and that option alone holds more than
// half of the turnout weight. A tie at the top is no majority.
func majorityQuorum(s Spec, r Roll, t Tally) Outcome {
	quorum := newThreshold("quorum", "weight", Amount(s.Quorum), false, t.Weight, r.Weight)
	ids, top := leaders(s, t)
	majority := newThreshold("majority", "weight", share(1, 2), true, top, t.Weight)
	if len(ids) == 1 {
		majority.Option = ids[0]
	} else {
		majority.Met = false
	}
	out := Outcome{Rule: RuleMajorityQuorum, Thresholds: []Threshold{quorum, majority},
		Passed: passed(quorum.Met && majority.Met)}
	if *out.Passed {
		out.Winners = ids
	}
	return out
}
