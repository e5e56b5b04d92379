// Package workflow is the proposal lifecycle of DESIGN.md §4 as data: which
// action moves a proposal from which status to which. It is pure: the
// caller loads the proposal, asks Next, and writes the result with an
// optimistic version check and a timeline event in one transaction.
package workflow

import (
	"fmt"
	"slices"

	"yishi/internal/apperr"
)

// Actions clients name in POST /v1/proposals/{id}/{action}.
const (
	Submit   = "submit"
	Cosign   = "cosign"
	Return   = "return"
	Resubmit = "resubmit"
	Accept   = "accept"
	Reject   = "reject"
	Merge    = "merge"
	Escalate = "escalate"
	Refer    = "refer"
	Schedule = "schedule"
	Decide   = "decide"
	Start    = "start"
	Complete = "complete"
	Close    = "close"
	Withdraw = "withdraw"
	// ResolveOnSpot is the fast track: a guide solves a small problem
	// (a blocked drain) where it was reported, with a note and a photo,
	// and the proposal goes from intake straight to completed.
	ResolveOnSpot = "resolve_on_spot"
	Lapse         = "lapse" // system only: a joint proposal's deadline passed
)

// openStatuses can still be escalated or referred: nothing has been decided.
func openStatuses() []string {
	return []string{"collecting", "submitted", "needs_revision", "accepted", "deliberating"}
}

// rule is one row of the lifecycle table. to == "" means the status is
// computed (submit, cosign, escalate, decide).
type rule struct {
	from []string
	to   string
}

// ruleOf returns the lifecycle table's row for action. A switch, not a
// map: nothing is rebuilt per call and nothing can change it at run time.
func ruleOf(action string) (rule, bool) {
	switch action {
	case Submit:
		return rule{from: []string{"draft"}}, true
	case Cosign:
		return rule{from: []string{"collecting"}}, true
	case Lapse:
		return rule{from: []string{"collecting"}, to: "lapsed"}, true
	case Return:
		return rule{from: []string{"submitted"}, to: "needs_revision"}, true
	case Resubmit:
		return rule{from: []string{"needs_revision"}, to: "submitted"}, true
	case Accept:
		return rule{from: []string{"submitted"}, to: "accepted"}, true
	case Reject:
		return rule{from: []string{"submitted"}, to: "rejected"}, true
	case Merge:
		return rule{from: []string{"submitted", "accepted"}, to: "merged"}, true
	case Escalate:
		return rule{from: openStatuses()}, true
	case Refer:
		return rule{from: openStatuses(), to: "referred"}, true
	case Schedule:
		return rule{from: []string{"accepted"}, to: "deliberating"}, true
	case Decide:
		return rule{from: []string{"deliberating"}}, true
	case Start:
		return rule{from: []string{"approved"}, to: "implementing"}, true
	case Complete:
		return rule{from: []string{"implementing"}, to: "completed"}, true
	case Close:
		return rule{from: []string{"completed"}, to: "closed"}, true
	case Withdraw:
		return rule{from: []string{"draft", "collecting", "submitted", "needs_revision", "accepted"}, to: "withdrawn"}, true
	case ResolveOnSpot:
		return rule{from: []string{"draft", "submitted"}, to: "completed"}, true
	}
	return rule{}, false
}

// IsAction reports whether name is a client-facing action.
func IsAction(name string) bool {
	_, ok := ruleOf(name)
	return ok && name != Lapse
}

// Actions lists the client-facing actions, for docs and validation.
func Actions() []string {
	return []string{Submit, Cosign, Return, Resubmit, Accept, Reject, Merge, Escalate, Refer,
		Schedule, Decide, Start, Complete, Close, Withdraw, ResolveOnSpot}
}

// Input is what a transition depends on besides the current status.
type Input struct {
	Kind            string // individual, joint, organizational
	CosignCount     int    // after this co-signature, for cosign
	CosignThreshold int
	Outcome         string // approved or declined, for decide
}

// Check returns nil when action may start from status, else a 404 for an
// unknown action or the 409 proposal.invalid_transition naming the
// current status. Callers check it before validating an action's body, so
// that an action the status forbids is 409 whatever the body holds.
func Check(status, action string) error {
	r, ok := ruleOf(action)
	if !ok {
		return apperr.NotFound("action")
	}
	if !slices.Contains(r.from, status) {
		return &apperr.Error{Kind: apperr.KindConflict, Code: "proposal.invalid_transition",
			Detail: fmt.Sprintf("cannot %s a proposal that is %s", action, status)}
	}
	return nil
}

// Next returns the status action leads to from status, or a 409
// proposal.invalid_transition naming the current status.
func Next(status, action string, in Input) (string, error) {
	if err := Check(status, action); err != nil {
		return "", err
	}
	r, _ := ruleOf(action)
	switch action {
	case Submit:
		if in.Kind == "joint" {
			return "collecting", nil
		}
		return "submitted", nil
	case Cosign:
		if in.CosignThreshold > 0 && in.CosignCount >= in.CosignThreshold {
			return "submitted", nil
		}
		return "collecting", nil
	case Escalate:
		return status, nil
	case Decide:
		if in.Outcome != "approved" && in.Outcome != "declined" {
			return "", apperr.Invalid(apperr.FieldError{Field: "outcome", Message: "must be approved or declined"})
		}
		return in.Outcome, nil
	}
	return r.to, nil
}

// AuthorEditable reports whether the author may still change a
// proposal's text, category and address: while it is theirs to revise.
func AuthorEditable(status string) bool {
	return status == "draft" || status == "needs_revision"
}

// StaffEditable reports whether reviewing staff may still rename or
// recategorize a proposal: at any stage before it reached an end (the
// love-seat proposal takes its voted name while it is implemented).
func StaffEditable(status string) bool {
	return slices.Contains([]string{"draft", "collecting", "submitted", "needs_revision", "accepted",
		"deliberating", "approved", "implementing"}, status)
}
