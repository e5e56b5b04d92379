package proposals_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/proposal"
	"yishi/ent/proposalevent"
	"yishi/internal/proposals"
	"yishi/internal/viewer"
)

// TestCloseDueClosesAfterTheWindow runs the job at several instants: it
// closes only completed proposals older than the window, once, as system.
func TestCloseDueClosesAfterTheWindow(t *testing.T) {
	d := newDelivery(t)
	old, byLead, running := d.completed(), d.completed(), d.approved()
	_, err := d.act(byLead, "close")
	d.must(err)
	window, now := 720*time.Hour, time.Now()
	for _, c := range []struct {
		at   time.Time
		want int
	}{{now, 0}, {now.Add(window - time.Hour), 0}, {now.Add(window + time.Hour), 1}, {now.Add(2 * window), 0}} {
		n, err := proposals.CloseDue(context.Background(), d.st.Client, c.at, window)
		if err != nil || n != c.want {
			t.Fatalf("CloseDue(+%s) = %d, %v; want %d", c.at.Sub(now).Round(time.Hour), n, err, c.want)
		}
	}
	sys := viewer.SystemContext(context.Background())
	if got := d.st.Client.Proposal.GetX(sys, old.ID); got.Status != proposal.StatusClosed || got.ClosedAt == nil {
		t.Fatalf("old proposal = %s", got.Status)
	}
	if got := d.st.Client.Proposal.GetX(sys, running.ID); got.Status != proposal.StatusApproved {
		t.Fatalf("approved proposal = %s", got.Status)
	}
	last := d.st.Client.ProposalEvent.Query().Where(proposalevent.ProposalID(old.ID)).
		Order(ent.Desc(proposalevent.FieldID)).FirstX(sys)
	if last.Action != "close" || last.Actor != "system" || !strings.Contains(last.Note, "30 days") {
		t.Fatalf("close event = %+v", last)
	}
	closes := d.st.Client.ProposalEvent.Query().Where(proposalevent.ProposalID(byLead.ID), proposalevent.Action("close")).CountX(sys)
	if closes != 1 {
		t.Fatalf("the lead's close was repeated: %d close events", closes)
	}
}
