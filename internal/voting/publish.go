package voting

import (
	"yishi/ent"
	"yishi/ent/vote"
)

// What a vote publishes about its ballots. DESIGN.md §5: an anonymous vote
// publishes nothing that links a ballot to a person or a household, and a
// household's floor area can be as telling as its address.

// WeighsByArea reports whether v's ballots weigh their household's floor
// area: only then is the area part of the ballot at all.
func WeighsByArea(v *ent.Vote) bool { return v.Weighting == vote.WeightingFloorArea }

// BallotFloorArea is the floor area stored on a ballot of v cast for a
// seat of the given area: the area when it is the ballot's weight, else
// none, so a household vote's ballots cannot be told apart by flat size.
func BallotFloorArea(v *ent.Vote, area float64) float64 {
	if WeighsByArea(v) {
		return area
	}
	return 0
}

// PublishesBallotArea reports whether v's published ballots carry their
// floor area: when the vote weighs by it and is named. Anonymous votes
// weighted by area are refused at creation (Config.Validate), so an
// anonymous ballot never needs one to be recounted.
func PublishesBallotArea(v *ent.Vote) bool { return WeighsByArea(v) && !v.Anonymous }

// TurnoutCountOnly reports whether v's turnout is shown as a count only:
// while an anonymous vote's results are hidden, a weight or area that
// moved with each ballot would tell who had just voted.
func TurnoutCountOnly(v *ent.Vote) bool { return v.Anonymous && ResultsHidden(v) }
