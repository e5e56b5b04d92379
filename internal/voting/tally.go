package voting

import "math/big"

// Ballot is what the tally needs of one cast ballot: the options chosen,
// the voter's weight and, for Art. 278, the household's floor area. It is
// exactly what the published ballot list shows, so anyone can recount.
type Ballot struct {
	OptionIDs []int
	Weight    float64
	FloorArea float64
}

// OptionTally is one option's support: ballots, weight and floor area.
type OptionTally struct {
	Count     int
	Weight    *big.Rat
	FloorArea *big.Rat
}

// Tally is the count of a vote's ballots. Options holds every option of
// the vote, including those nobody chose.
type Tally struct {
	Ballots   int
	Weight    *big.Rat
	FloorArea *big.Rat
	Options   map[int]*OptionTally
}

// Count tallies ballots over the vote's options. A multiple-choice ballot
// gives its full weight to each option it names (approval voting). An
// option id that is not one of optionIDs is ignored; casting rejects such
// ballots, so it can only come from a tampered list.
func Count(optionIDs []int, ballots []Ballot) Tally {
	t := Tally{Weight: new(big.Rat), FloorArea: new(big.Rat), Options: make(map[int]*OptionTally, len(optionIDs))}
	for _, id := range optionIDs {
		t.Options[id] = &OptionTally{Weight: new(big.Rat), FloorArea: new(big.Rat)}
	}
	for _, b := range ballots {
		w, area := Amount(b.Weight), Amount(b.FloorArea)
		t.Ballots++
		sum(t.Weight, w)
		sum(t.FloorArea, area)
		for _, id := range b.OptionIDs {
			if o, ok := t.Options[id]; ok {
				o.Count++
				sum(o.Weight, w)
				sum(o.FloorArea, area)
			}
		}
	}
	return t
}
