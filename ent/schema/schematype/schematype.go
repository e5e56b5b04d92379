// Package schematype holds the Go types stored in JSON columns. It is a
// leaf package so the generated ent code can import it without reaching
// upward into internal/.
package schematype

import "time"

// ScreeningFlag is one finding of the list screening done at submit: an
// encouraged category missing ("uncategorized") or a negative-list item
// whose keywords matched. Flags inform reviewers; they never decide.
type ScreeningFlag struct {
	// Kind is "uncategorized" or "negative".
	Kind string `json:"kind" example:"negative"`
	// Code is the list item's code ("" for uncategorized).
	Code string `json:"code" example:"N03"`
	// Title is the list item's title when the flag was raised.
	Title string `json:"title" example:"已进入司法程序的事项"`
	// Terms are the keywords that matched, in the order found.
	Terms []string `json:"terms" example:"起诉,法院"`
	// Reason explains the flag in one sentence.
	Reason string `json:"reason" example:"matched negative-list keywords 起诉, 法院"`
}

// MinutesDecision is one decision recorded in minutes, linked to an agenda
// item and, through it, to a proposal whose timeline shows it.
type MinutesDecision struct {
	AgendaItemID int    `json:"agenda_item_id" example:"3"`
	ProposalID   int    `json:"proposal_id,omitempty" example:"12"`
	Outcome      string `json:"outcome" enums:"approved,declined,deferred,noted" example:"approved"`
	Text         string `json:"text" example:"同意在3栋、5栋楼道转角安装折叠椅"`
}

// AccessCheck is one body-dependent access decision a request passed
// (role_assignment:grant:guide at s1/c3/), stored with its idempotent
// answer so a replay decides it again: a caller who lost the right since
// does not get the stored answer back.
type AccessCheck struct {
	Permission string `json:"permission"`
	UnitPath   string `json:"unit_path"`
	Mode       string `json:"mode"`
	Kind       string `json:"kind"`
}

// Escalation is one step of a proposal up the unit tree: from which
// handling unit to which, and when. A proposal keeps its submitted_at;
// each escalation appends one of these, so the time spent at every level
// can be read back.
type Escalation struct {
	FromUnitID int `json:"from_unit_id" example:"4"`
	ToUnitID   int `json:"to_unit_id" example:"2"`
	// EscalatedAt is when the proposal reached ToUnitID.
	EscalatedAt time.Time `json:"escalated_at"`
}

// VoteQuestion is one question of a multi-question vote (the love seat's
// style, place and name): its own method, maximum and options (the
// options carry its ID in their question column). Eligibility, weighting,
// anonymity, rule and window belong to the vote as a whole.
type VoteQuestion struct {
	// ID numbers the question within its vote, from 1.
	ID         int    `json:"id" example:"1"`
	Prompt     string `json:"prompt" example:"爱心椅的样式"`
	Method     string `json:"method" enums:"single,multiple" example:"single"`
	MaxChoices int    `json:"max_choices" example:"1"`
}
