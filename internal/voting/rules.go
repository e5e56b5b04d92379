package voting

import "math/big"

// The decision rules a vote can be created with.
const (
	RulePlurality      = "plurality"
	RuleMajorityQuorum = "majority_quorum"
	RuleCivilCode278   = "civil_code_278"
)

// Spec is what a rule needs to know about the vote: the rule, the option
// ids in ballot order (for Art. 278 the first is "同意"), the quorum of a
// majority vote and whether an Art. 278 matter is major.
type Spec struct {
	Rule    string
	Options []int
	Quorum  float64
	Major   bool
}

// Outcome is a rule's reading of a tally. Passed is nil for plurality,
// which elects rather than passes. Winners are the elected or approved
// options (several on a plurality tie, none when nothing passed).
type Outcome struct {
	Rule       string
	Passed     *bool
	Winners    []int
	Thresholds []Threshold
}

// Evaluate applies s's rule to the tally t of a vote whose roll is r.
func Evaluate(s Spec, r Roll, t Tally) Outcome {
	switch s.Rule {
	case RuleMajorityQuorum:
		return majorityQuorum(s, r, t)
	case RuleCivilCode278:
		return civilCode278(s, r, t)
	}
	return plurality(s, t)
}

// leaders returns the options with the greatest weight (none when no
// option has any).
func leaders(s Spec, t Tally) ([]int, *big.Rat) {
	top := new(big.Rat)
	var ids []int
	for _, id := range s.Options {
		w := t.Options[id].Weight
		switch c := w.Cmp(top); {
		case c > 0:
			top.Set(w)
			ids = []int{id}
		case c == 0 && w.Sign() > 0:
			ids = append(ids, id)
		}
	}
	return ids, top
}

// plurality elects the option(s) with the most weight (per person, the
// most ballots); a tie elects every tied option and the caller decides.
func plurality(s Spec, t Tally) Outcome {
	ids, _ := leaders(s, t)
	return Outcome{Rule: RulePlurality, Winners: ids}
}

func passed(b bool) *bool { return &b }
