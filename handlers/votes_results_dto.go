package handlers

import (
	"yishi/ent"
	"yishi/internal/voting"
)

// turnoutResponse is how many ballots were cast and what they weigh.
// While an anonymous vote's results are hidden it is the count alone;
// floor_area appears only for votes weighted by floor area.
type turnoutResponse struct {
	Count     int      `json:"count"`
	Weight    *float64 `json:"weight,omitempty"`
	FloorArea *float64 `json:"floor_area,omitempty"`
}

// newTurnoutResponse is t's turnout as v may show it now.
func newTurnoutResponse(v *ent.Vote, t voting.Tally) turnoutResponse {
	out := turnoutResponse{Count: t.Ballots}
	if voting.TurnoutCountOnly(v) {
		return out
	}
	w := voting.Float(t.Weight)
	out.Weight = &w
	if voting.WeighsByArea(v) {
		a := voting.Float(t.FloorArea)
		out.FloorArea = &a
	}
	return out
}

// optionResultResponse is one option's support; the numbers are absent
// while results are hidden.
type optionResultResponse struct {
	ID        int      `json:"id"`
	Label     string   `json:"label"`
	Position  int      `json:"position"`
	Count     *int     `json:"count,omitempty"`
	Weight    *float64 `json:"weight,omitempty"`
	FloorArea *float64 `json:"floor_area,omitempty"`
}

// thresholdResponse states one condition of the rule: actual compared
// (">=" or ">") with required = share × base, decided exactly.
type thresholdResponse struct {
	Name       string  `json:"name" example:"participation_floor_area"`
	Measure    string  `json:"measure" enums:"headcount,floor_area,weight"`
	OptionID   *int    `json:"option_id,omitempty"`
	Share      string  `json:"share" example:"2/3"`
	Comparison string  `json:"comparison" enums:">=,>"`
	Required   float64 `json:"required"`
	Actual     float64 `json:"actual"`
	Base       float64 `json:"base"`
	Met        bool    `json:"met"`
}

// outcomeResponse is the rule's reading: winners for plurality; passed
// and thresholds for majority_quorum and civil_code_278.
type outcomeResponse struct {
	Rule       string              `json:"rule"`
	Passed     *bool               `json:"passed"`
	Winners    []int               `json:"winners"`
	Thresholds []thresholdResponse `json:"thresholds"`
}

// voteResultsResponse is a vote's tally. While hidden (results after
// close, vote not closed) it shows the turnout but no option counts and
// no outcome.
type voteResultsResponse struct {
	VoteID            int                    `json:"vote_id"`
	Status            string                 `json:"status" enums:"draft,open,closed"`
	Hidden            bool                   `json:"hidden"`
	Final             bool                   `json:"final"`
	Weighting         string                 `json:"weighting"`
	EligibleCount     int                    `json:"eligible_count"`
	EligibleWeight    float64                `json:"eligible_weight"`
	EligibleFloorArea float64                `json:"eligible_floor_area"`
	Turnout           turnoutResponse        `json:"turnout"`
	Options           []optionResultResponse `json:"options"`
	// Outcome is the rule's reading of a one-question vote; a vote with
	// questions has none at the top, one per question instead.
	Outcome *outcomeResponse `json:"outcome,omitempty"`
	// Questions are a multi-question vote's results, each with its own
	// options and outcome (the vote's rule applied to that question).
	Questions []questionResultResponse `json:"questions,omitempty"`
}

// questionResultResponse is one question's result; while results are
// hidden its options carry no numbers and it has no outcome.
type questionResultResponse struct {
	ID         int                    `json:"id" example:"1"`
	Prompt     string                 `json:"prompt" example:"爱心椅的样式"`
	Method     string                 `json:"method" enums:"single,multiple"`
	MaxChoices int                    `json:"max_choices"`
	Options    []optionResultResponse `json:"options"`
	Outcome    *outcomeResponse       `json:"outcome,omitempty"`
}

func newThresholdResponse(t voting.Threshold) thresholdResponse {
	out := thresholdResponse{Name: t.Name, Measure: t.Measure, Share: t.Share.RatString(), Comparison: ">=",
		Required: voting.Float(t.Required()), Actual: voting.Float(t.Actual), Base: voting.Float(t.Base), Met: t.Met}
	if t.Strict {
		out.Comparison = ">"
	}
	if t.Option != 0 {
		id := t.Option
		out.OptionID = &id
	}
	return out
}

func newOutcomeResponse(o voting.Outcome) *outcomeResponse {
	out := &outcomeResponse{Rule: o.Rule, Passed: o.Passed, Winners: o.Winners, Thresholds: []thresholdResponse{}}
	if out.Winners == nil {
		out.Winners = []int{}
	}
	for _, t := range o.Thresholds {
		out.Thresholds = append(out.Thresholds, newThresholdResponse(t))
	}
	return out
}

// optionResults lists the options, with their numbers unless hidden;
// floor_area only for votes weighted by it.
func optionResults(v *ent.Vote, opts []*ent.VoteOption, t voting.Tally, hidden bool) []optionResultResponse {
	out := make([]optionResultResponse, 0, len(opts))
	for _, o := range opts {
		r := optionResultResponse{ID: o.ID, Label: o.Label, Position: o.Position}
		if ot := t.Options[o.ID]; !hidden && ot != nil {
			n, w := ot.Count, voting.Float(ot.Weight)
			r.Count, r.Weight = &n, &w
			if voting.WeighsByArea(v) {
				a := voting.Float(ot.FloorArea)
				r.FloorArea = &a
			}
		}
		out = append(out, r)
	}
	return out
}
