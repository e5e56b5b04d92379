package voting

import "testing"

// households builds a roll and the ballots of those who voted: areas[i]
// is household i's floor area, votes[i] its option (0 = did not vote).
func households(areas []float64, votes []int) (Roll, []Ballot) {
	var voters []Voter
	var ballots []Ballot
	for i, a := range areas {
		voters = append(voters, Voter{Key: HouseholdKey(i + 1), Weight: a, FloorArea: a})
		if votes[i] != 0 {
			ballots = append(ballots, Ballot{OptionIDs: []int{votes[i]}, Weight: a, FloorArea: a})
		}
	}
	return Totals(voters), ballots
}

func eval278(t *testing.T, major bool, areas []float64, votes []int) Outcome {
	t.Helper()
	roll, ballots := households(areas, votes)
	opts := []int{1, 2, 3} // 1 = 同意, 2 = 反对, 3 = 弃权
	return Evaluate(Spec{Rule: RuleCivilCode278, Options: opts, Major: major}, roll, Count(opts, ballots))
}

func metByName(o Outcome) map[string]bool {
	m := map[string]bool{}
	for _, th := range o.Thresholds {
		m[th.Name] = th.Met
	}
	return m
}

func TestCivilCode278FailsOnAreaWhilePassingOnHeadcount(t *testing.T) {
	// Six small flats say yes, three large ones say no: 6/9 households
	// but 360/960 m².
	areas := []float64{60, 60, 60, 60, 60, 60, 200, 200, 200}
	o := eval278(t, false, areas, []int{1, 1, 1, 1, 1, 1, 2, 2, 2})
	m := metByName(o)
	if !m["participation_floor_area"] || !m["participation_headcount"] || !m["approval_headcount"] || m["approval_floor_area"] {
		t.Fatalf("thresholds = %v", m)
	}
	if *o.Passed || len(o.Winners) != 0 {
		t.Fatalf("passed = %v winners %v", *o.Passed, o.Winners)
	}
}

func TestCivilCode278ParticipationIsAtLeastTwoThirds(t *testing.T) {
	// Exactly 2/3 of households and of area take part: met (以上 is ≥).
	o := eval278(t, false, []float64{100, 100, 100}, []int{1, 1, 0})
	if m := metByName(o); !m["participation_floor_area"] || !m["participation_headcount"] || !*o.Passed {
		t.Fatalf("exactly 2/3: %v passed %v", m, *o.Passed)
	}
	// Just under 2/3 of the area (199.99 of 300): not met.
	o = eval278(t, false, []float64{100, 99.99, 100.01}, []int{1, 1, 0})
	if m := metByName(o); m["participation_floor_area"] || !m["participation_headcount"] || *o.Passed {
		t.Fatalf("just under 2/3: %v", m)
	}
}

func TestCivilCode278OrdinaryNeedsMoreThanHalf(t *testing.T) {
	// Exactly half of the participants approve: not a majority (过半数 is >).
	o := eval278(t, false, []float64{50, 50, 50, 50}, []int{1, 1, 2, 3})
	if m := metByName(o); m["approval_floor_area"] || m["approval_headcount"] || *o.Passed {
		t.Fatalf("exactly half: %v", m)
	}
	o = eval278(t, false, []float64{50, 50, 50, 50.01}, []int{1, 1, 2, 1})
	if !*o.Passed || o.Winners[0] != 1 {
		t.Fatalf("3 of 4: %v", metByName(o))
	}
}

func TestCivilCode278MajorNeedsThreeQuarters(t *testing.T) {
	areas := []float64{80, 80, 80, 80}
	if o := eval278(t, true, areas, []int{1, 1, 1, 2}); !*o.Passed {
		t.Fatalf("exactly 3/4 must pass a major matter: %v", metByName(o))
	}
	if o := eval278(t, true, areas, []int{1, 1, 2, 3}); *o.Passed {
		t.Fatalf("1/2 must fail a major matter: %v", metByName(o))
	}
	// Decimal areas: 0.1 + 0.2 is exactly 0.3 here, so 3/4 of 0.4 is met.
	if o := eval278(t, true, []float64{0.1, 0.2, 0.1}, []int{1, 1, 2}); !metByName(o)["approval_floor_area"] {
		t.Fatalf("0.3 of 0.4 = 3/4 not met: %v", metByName(o))
	}
}

func TestCivilCode278NobodyVotedFailsEveryThreshold(t *testing.T) {
	o := eval278(t, false, []float64{90, 90}, []int{0, 0})
	for _, th := range o.Thresholds {
		if th.Met {
			t.Fatalf("%s met with no ballots", th.Name)
		}
	}
}
