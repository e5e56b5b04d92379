package proposals_test

import (
	"testing"
	"time"

	"yishi/ent/proposal"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
	"yishi/internal/testdb"
	"yishi/internal/viewer"
)

// A close (the lead's or the window job's) that lands while a feedback is
// being written must wait for it: otherwise, under PostgreSQL's read
// committed, the feedback commits after the close and the proposal is
// closed with feedback given outside its window. Once the close has
// committed, a new feedback is refused.
func TestFeedbackInFlightHoldsOffClose(t *testing.T) {
	if !testdb.IsPostgres() {
		t.Skip("SQLite serializes writers (_txlock=immediate)")
	}
	d := newDelivery(t)
	p := d.completed()
	tx, err := d.st.Client.Tx(d.ctx)
	d.must(err)
	defer tx.Rollback()
	if _, err := proposals.GiveFeedback(d.ctx, tx, p, proposals.FeedbackInput{Satisfaction: 4}, d.by); err != nil {
		t.Fatalf("feedback: %v", err)
	}
	closed := make(chan error, 1)
	go func() { _, err := d.act(p, "close"); closed <- err }()
	select {
	case err := <-closed:
		t.Fatalf("close committed (err %v) while a feedback was in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	d.must(tx.Commit())
	if err := <-closed; err != nil {
		t.Fatalf("close after the feedback: %v", err)
	}
	sys := viewer.SystemContext(d.ctx)
	if got := d.st.Client.Proposal.GetX(sys, p.ID).Status; got != proposal.StatusClosed {
		t.Fatalf("status = %s", got)
	}
	late, err := d.st.Client.Tx(d.ctx)
	d.must(err)
	defer late.Rollback()
	by := proposals.Actor{Subject: "u:2", UserID: 2, Name: "邻居"}
	_, err = proposals.GiveFeedback(d.ctx, late, p, proposals.FeedbackInput{Satisfaction: 3}, by)
	if e, ok := apperr.As(err); !ok || e.Code != "feedback.not_open" {
		t.Fatalf("feedback after close: %v", err)
	}
}
