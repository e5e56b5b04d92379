package voting

import (
	"math/big"
	"strconv"
)

// Amount turns a stored float (a floor area, a weight, a quorum) into the
// exact decimal it was written as: 0.1 becomes 1/10, not the nearest
// binary fraction, so sums and comparisons behave as people expect.
func Amount(f float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'f', -1, 64))
	if !ok {
		return new(big.Rat)
	}
	return r
}

// Float is r for display in JSON; decisions never use it.
func Float(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}

// share is num/den as an exact rational.
func share(num, den int64) *big.Rat { return big.NewRat(num, den) }

// sum adds b to a in place and returns a.
func sum(a, b *big.Rat) *big.Rat { return a.Add(a, b) }
