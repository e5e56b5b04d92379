package workflow

import (
	"testing"

	"yishi/internal/apperr"
)

var allStatuses = []string{"draft", "collecting", "submitted", "needs_revision", "accepted", "rejected", "merged",
	"referred", "deliberating", "approved", "declined", "implementing", "completed", "closed", "withdrawn", "lapsed"}

func TestNextFollowsTheLifecycleTable(t *testing.T) {
	cases := []struct {
		from, action string
		in           Input
		want         string
	}{
		{"draft", Submit, Input{Kind: "individual"}, "submitted"},
		{"draft", Submit, Input{Kind: "organizational"}, "submitted"},
		{"draft", Submit, Input{Kind: "joint"}, "collecting"},
		{"collecting", Cosign, Input{CosignCount: 2, CosignThreshold: 3}, "collecting"},
		{"collecting", Cosign, Input{CosignCount: 3, CosignThreshold: 3}, "submitted"},
		{"collecting", Lapse, Input{}, "lapsed"},
		{"submitted", Return, Input{}, "needs_revision"},
		{"needs_revision", Resubmit, Input{}, "submitted"},
		{"submitted", Accept, Input{}, "accepted"},
		{"submitted", Reject, Input{}, "rejected"},
		{"accepted", Merge, Input{}, "merged"},
		{"submitted", Escalate, Input{}, "submitted"},
		{"deliberating", Refer, Input{}, "referred"},
		{"accepted", Schedule, Input{}, "deliberating"},
		{"deliberating", Decide, Input{Outcome: "approved"}, "approved"},
		{"deliberating", Decide, Input{Outcome: "declined"}, "declined"},
		{"approved", Start, Input{}, "implementing"},
		{"implementing", Complete, Input{}, "completed"},
		{"completed", Close, Input{}, "closed"},
		{"accepted", Withdraw, Input{}, "withdrawn"},
		{"draft", ResolveOnSpot, Input{}, "completed"},
		{"submitted", ResolveOnSpot, Input{}, "completed"},
	}
	for _, c := range cases {
		got, err := Next(c.from, c.action, c.in)
		if err != nil || got != c.want {
			t.Errorf("Next(%s, %s) = %q, %v; want %q", c.from, c.action, got, err, c.want)
		}
	}
}

// TestEveryIllegalTransitionIs409 walks every (status, action) pair the
// table does not allow.
func TestEveryIllegalTransitionIs409(t *testing.T) {
	illegal := 0
	for _, action := range append(Actions(), Lapse) {
		for _, from := range allStatuses {
			allowed := false
			r, _ := ruleOf(action)
			for _, f := range r.from {
				allowed = allowed || f == from
			}
			if allowed {
				continue
			}
			illegal++
			_, err := Next(from, action, Input{Kind: "joint", Outcome: "approved"})
			e, ok := apperr.As(err)
			if !ok || e.Kind != apperr.KindConflict || e.Code != "proposal.invalid_transition" {
				t.Errorf("Next(%s, %s) = %v, want proposal.invalid_transition", from, action, err)
			}
		}
	}
	if illegal < 150 {
		t.Fatalf("only %d illegal pairs checked", illegal)
	}
}

func TestDecideNeedsAnOutcome(t *testing.T) {
	if _, err := Next("deliberating", Decide, Input{}); err == nil {
		t.Fatal("decide without outcome accepted")
	}
	if IsAction(Lapse) || !IsAction(Merge) || IsAction("explode") {
		t.Fatal("IsAction is wrong")
	}
}

// TestEditableStages: authors edit while they revise; staff until the
// proposal ends; nobody after.
func TestEditableStages(t *testing.T) {
	for _, st := range allStatuses {
		author := st == "draft" || st == "needs_revision"
		if AuthorEditable(st) != author {
			t.Errorf("AuthorEditable(%s) = %v", st, !author)
		}
		ended := map[string]bool{"rejected": true, "merged": true, "referred": true, "declined": true,
			"completed": true, "closed": true, "withdrawn": true, "lapsed": true}[st]
		if StaffEditable(st) == ended {
			t.Errorf("StaffEditable(%s) = %v", st, !ended)
		}
		if _, err := Next(st, ResolveOnSpot, Input{}); (err == nil) != (st == "draft" || st == "submitted") {
			t.Errorf("resolve_on_spot from %s: %v", st, err)
		}
	}
}
