package meetings

import (
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/meeting"
	"yishi/ent/minutes"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
)

func TestTallyCountsAttendedPerIdentityInCanonicalOrder(t *testing.T) {
	got := Tally([]IdentityCount{
		{Identity: "volunteer", Attended: true, Count: 1},
		{Identity: "building_head", Attended: true, Count: 2},
		{Identity: "building_head", Attended: false, Count: 1},
		{Identity: "property_rep", Attended: false, Count: 1},
	})
	if got.Invited != 5 || got.Attended != 3 {
		t.Fatalf("totals = %+v", got)
	}
	want := []IdentityAttendance{{"building_head", 3, 2}, {"property_rep", 1, 0}, {"volunteer", 1, 1}}
	if len(got.ByIdentity) != len(want) {
		t.Fatalf("by identity = %+v", got.ByIdentity)
	}
	for i := range want {
		if got.ByIdentity[i] != want[i] {
			t.Fatalf("by identity[%d] = %+v, want %+v", i, got.ByIdentity[i], want[i])
		}
	}
}

func TestNextDraftNeverOverwritesApprovedMinutes(t *testing.T) {
	if v, inPlace := NextDraft(nil); v != 1 || inPlace {
		t.Fatalf("first write = %d, %v", v, inPlace)
	}
	if v, inPlace := NextDraft(&ent.Minutes{Version: 2, Status: minutes.StatusDraft}); v != 2 || !inPlace {
		t.Fatalf("draft = %d, %v", v, inPlace)
	}
	if v, inPlace := NextDraft(&ent.Minutes{Version: 2, Status: minutes.StatusApproved}); v != 3 || inPlace {
		t.Fatalf("approved = %d, %v", v, inPlace)
	}
}

func TestCheckDecisionsTakesProposalFromTheAgenda(t *testing.T) {
	pid := 12
	items := []*ent.AgendaItem{{ID: 1, ProposalID: &pid}, {ID: 2}}
	got, bad := CheckDecisions([]schematype.MinutesDecision{
		{AgendaItemID: 1, ProposalID: 99, Outcome: "approved"},
		{AgendaItemID: 2, Outcome: "noted"},
		{AgendaItemID: 1, Outcome: "declined"},
		{AgendaItemID: 7, Outcome: "noted"},
	}, items)
	if len(got) != 2 || got[0].ProposalID != 12 || got[1].ProposalID != 0 {
		t.Fatalf("decisions = %+v", got)
	}
	if len(bad) != 2 || bad[0].Field != "decisions[2].agenda_item_id" || bad[1].Field != "decisions[3].agenda_item_id" {
		t.Fatalf("field errors = %+v", bad)
	}
}

func TestNextStatusSettlesOnce(t *testing.T) {
	now := time.Now()
	past := &ent.Meeting{Status: meeting.StatusScheduled, StartsAt: now.Add(-time.Hour)}
	future := &ent.Meeting{Status: meeting.StatusScheduled, StartsAt: now.Add(time.Hour)}
	held := &ent.Meeting{Status: meeting.StatusHeld, StartsAt: now.Add(-time.Hour)}
	if s, err := NextStatus(past, Held, now); err != nil || s != meeting.StatusHeld {
		t.Fatalf("held = %v, %v", s, err)
	}
	if s, err := NextStatus(future, Cancel, now); err != nil || s != meeting.StatusCancelled {
		t.Fatalf("cancel = %v, %v", s, err)
	}
	for name, c := range map[string]struct {
		m      *ent.Meeting
		action string
		code   string
	}{
		"future held":  {future, Held, "meeting.not_started"},
		"held again":   {held, Held, "meeting.invalid_transition"},
		"cancel held":  {held, Cancel, "meeting.invalid_transition"},
		"bogus action": {past, "reopen", "action.not_found"},
	} {
		_, err := NextStatus(c.m, c.action, now)
		if e, ok := apperr.As(err); !ok || e.Code != c.code {
			t.Errorf("%s: error %v, want %s", name, err, c.code)
		}
	}
}
