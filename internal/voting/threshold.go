package voting

import "math/big"

// Threshold is one condition of a decision rule with the numbers behind
// it, so a result states what was required, what happened and whether it
// was enough: "Actual ≥ Share × Base" (or ">" when Strict).
type Threshold struct {
	// Name says which condition this is, e.g. "participation_floor_area".
	Name string
	// Measure is what is counted: "headcount", "floor_area" or "weight".
	Measure string
	// Option is the option measured, for approval thresholds; 0 otherwise.
	Option int
	Share  *big.Rat
	Strict bool
	Actual *big.Rat
	Base   *big.Rat
	Met    bool
}

// Required is Share × Base: the amount Actual is compared with.
func (t Threshold) Required() *big.Rat { return new(big.Rat).Mul(t.Share, t.Base) }

// newThreshold compares exactly. A share of nothing is never met: with no
// participants, "three quarters of the participants" is not reached.
func newThreshold(name, measure string, share *big.Rat, strict bool, actual, base *big.Rat) Threshold {
	t := Threshold{Name: name, Measure: measure, Share: share, Strict: strict,
		Actual: new(big.Rat).Set(actual), Base: new(big.Rat).Set(base)}
	cmp := t.Actual.Cmp(t.Required())
	t.Met = t.Base.Sign() > 0 && (cmp > 0 || (!strict && cmp == 0))
	return t
}

// count is n as a rational.
func count(n int) *big.Rat { return new(big.Rat).SetInt64(int64(n)) }
