package voting

import (
	"math"
	"slices"
	"testing"
)

// FuzzTally counts fuzzed ballot lists and applies every decision rule.
// Results are published and must be reproducible, so: no panic, the count
// does not depend on ballot order, no option outweighs the turnout,
// every threshold's Met agrees with its own numbers, and winners are
// options of the vote. quorum is a raw float (NaN, Inf, negatives) because
// Amount must survive whatever a column holds.
//
// data encodes the vote: byte 0 is the number of options (1-6) and how
// many eligible voters abstain (the high bits); then 3 bytes per ballot:
// a bit mask of chosen options (bit 7: weight by floor area) and the
// floor area in hundredths of a square metre.
func FuzzTally(f *testing.F) {
	f.Add([]byte{0x42, 0x01, 0x22, 0xe9, 0x81, 0x17, 0x70, 0x02, 0x0b, 0xb8}, 0.5, false)
	f.Fuzz(func(t *testing.T, data []byte, quorum float64, major bool) {
		if len(data) == 0 {
			return
		}
		options, ballots, voters := decodeVote(data)
		tally := Count(options, ballots)
		checkTally(t, options, ballots, tally)
		roll := Totals(voters)
		for _, rule := range []string{RulePlurality, RuleMajorityQuorum, RuleCivilCode278} {
			out := Evaluate(Spec{Rule: rule, Options: options, Quorum: quorum, Major: major}, roll, tally)
			checkOutcome(t, rule, options, out)
		}
		if !math.IsNaN(quorum) && !math.IsInf(quorum, 0) && Float(Amount(quorum)) != quorum {
			t.Fatalf("Amount(%v) reads back as %v", quorum, Float(Amount(quorum)))
		}
	})
}

// decodeVote turns fuzz bytes into options, ballots and the roll (every
// voter, then the abstainers).
func decodeVote(data []byte) ([]int, []Ballot, []Voter) {
	n := 1 + int(data[0]&7)%6
	var options []int
	for i := 0; i < n; i++ {
		options = append(options, 100+7*i)
	}
	var ballots []Ballot
	var voters []Voter
	for rest := data[1:]; len(rest) >= 3; rest = rest[3:] {
		area := float64(int(rest[1])<<8|int(rest[2])) / 100
		b := Ballot{Weight: 1, FloorArea: area}
		if rest[0]&0x80 != 0 {
			b.Weight = area
		}
		for i, id := range options {
			if rest[0]&(1<<i) != 0 {
				b.OptionIDs = append(b.OptionIDs, id)
			}
		}
		if rest[0]&0x40 != 0 {
			b.OptionIDs = append(b.OptionIDs, 99) // a tampered list's foreign option
		}
		ballots = append(ballots, b)
		voters = append(voters, Voter{Weight: b.Weight, FloorArea: area})
	}
	for i := 0; i < int(data[0]>>3); i++ {
		voters = append(voters, Voter{Weight: 1, FloorArea: 50})
	}
	return options, ballots, voters
}

func checkTally(t *testing.T, options []int, ballots []Ballot, tally Tally) {
	t.Helper()
	if tally.Ballots != len(ballots) || len(tally.Options) != len(options) {
		t.Fatalf("tally of %d ballots over %d options: %+v", len(ballots), len(options), tally)
	}
	for _, id := range options {
		o := tally.Options[id]
		if o.Count > tally.Ballots || o.Weight.Cmp(tally.Weight) > 0 || o.FloorArea.Cmp(tally.FloorArea) > 0 {
			t.Fatalf("option %d outweighs the turnout: %+v vs %+v", id, o, tally)
		}
	}
	rev := slices.Clone(ballots)
	slices.Reverse(rev)
	again := Count(options, rev)
	if again.Weight.Cmp(tally.Weight) != 0 || again.FloorArea.Cmp(tally.FloorArea) != 0 {
		t.Fatalf("the tally depends on ballot order")
	}
	for _, id := range options {
		a, b := tally.Options[id], again.Options[id]
		if a.Count != b.Count || a.Weight.Cmp(b.Weight) != 0 || a.FloorArea.Cmp(b.FloorArea) != 0 {
			t.Fatalf("option %d depends on ballot order", id)
		}
	}
}

func checkOutcome(t *testing.T, rule string, options []int, out Outcome) {
	t.Helper()
	if (out.Passed == nil) != (rule == RulePlurality) {
		t.Fatalf("%s: passed = %v", rule, out.Passed)
	}
	for _, w := range out.Winners {
		if !slices.Contains(options, w) {
			t.Fatalf("%s: winner %d is not an option", rule, w)
		}
	}
	if out.Passed != nil && !*out.Passed && len(out.Winners) > 0 {
		t.Fatalf("%s: failed but has winners %v", rule, out.Winners)
	}
	for _, th := range out.Thresholds {
		c := th.Actual.Cmp(th.Required())
		met := th.Base.Sign() > 0 && (c > 0 || (!th.Strict && c == 0))
		if th.Met && !met {
			t.Fatalf("%s: threshold %s met without its numbers: %+v", rule, th.Name, th)
		}
	}
}
