package tenancytest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"yishi/ent"
	"yishi/ent/eligiblevoter"
	"yishi/ent/privacy"
	"yishi/ent/proposal"
	"yishi/ent/schema"
	"yishi/ent/vote"
	"yishi/internal/viewer"
)

// seedParents seeds one proposal and one vote of tenant a.
func (w world) seedParents(t *testing.T) (proposalID, voteID int) {
	t.Helper()
	for _, tb := range tenantTables() {
		if tb.Name == proposal.Table || tb.Name == vote.Table {
			w.seedRow(t, tb)
		}
	}
	c := w.st.Client
	return c.Proposal.Query().Where(proposal.TenantID(w.a.ID)).OnlyIDX(w.sys),
		c.Vote.Query().Where(vote.TenantID(w.a.ID)).OnlyIDX(w.sys)
}

func TestChildCopiesItsParentsTenancy(t *testing.T) {
	w := newWorld(t)
	pid, _ := w.seedParents(t)
	c := w.st.Client
	staff := viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:5", UserID: 5,
		Scopes: []string{w.a.Path}, StaffScopes: []string{w.a.Path}})
	for name, ctx := range map[string]context.Context{"system": w.sys, "staff of a": staff} {
		m, err := c.Comment.Create().SetProposalID(pid).SetAuthorID(5).SetBody("hi").Save(ctx)
		if err != nil {
			t.Fatalf("%s: comment with no tenancy set: %v", name, err)
		}
		if m.TenantID != w.a.ID || m.UnitID != w.a1.ID || m.UnitPath != w.a1.Path || m.CommunityPath != w.a1.Path {
			t.Fatalf("%s: comment got %d/%d/%s/%s, want the proposal's", name, m.TenantID, m.UnitID, m.UnitPath, m.CommunityPath)
		}
	}
	refused := map[string]error{
		"outsider on a's proposal": c.Comment.Create().SetProposalID(pid).SetAuthorID(999999).SetBody("x").Exec(w.outsider()),
		"system, tenancy of b": c.Comment.Create().SetTenantID(w.b.ID).SetUnitID(w.b1.ID).SetUnitPath(w.b1.Path).
			SetCommunityPath(w.b1.Path).SetProposalID(pid).SetAuthorID(5).SetBody("x").Exec(w.sys),
		"system, right tenant, wrong unit": c.Comment.Create().SetTenantID(w.a.ID).SetUnitID(w.a.ID).
			SetProposalID(pid).SetAuthorID(5).SetBody("x").Exec(w.sys),
		"no such proposal": c.Comment.Create().SetProposalID(pid + 1000).SetAuthorID(5).SetBody("x").Exec(w.sys),
		"no viewer":        c.Comment.Create().SetProposalID(pid).SetAuthorID(5).SetBody("x").Exec(context.Background()),
	}
	for name, err := range refused {
		if !errors.Is(err, privacy.Deny) {
			t.Errorf("%s: want privacy.Deny, got %v", name, err)
		}
	}
	first := c.Comment.Query().FirstX(w.sys)
	if err := c.Comment.UpdateOne(first).SetUnitPath(w.b1.Path).Exec(w.sys); !errors.Is(err, privacy.Deny) {
		t.Errorf("moving a comment away from its proposal: want privacy.Deny, got %v", err)
	}
}

// TestBulkInsertReadsTheParentOnce: opening a vote writes its whole roll
// in one CreateBulk; the parent vote must be read once per statement,
// not once per row.
func TestBulkInsertReadsTheParentOnce(t *testing.T) {
	w := newWorld(t)
	_, vid := w.seedParents(t)
	var reads atomic.Int32
	drv := dialect.DebugWithContext(entsql.OpenDB(w.st.Dialect, w.st.DB), func(_ context.Context, args ...any) {
		if s := fmt.Sprint(args...); strings.Contains(s, "SELECT") && strings.Contains(s, "votes") {
			reads.Add(1)
		}
	})
	c := ent.NewClient(ent.Driver(drv))
	const n = 40
	bulk := make([]*ent.EligibleVoterCreate, n)
	for i := range bulk {
		bulk[i] = c.EligibleVoter.Create().SetVoteID(vid).SetVoterKey(fmt.Sprintf("k%d", i)).SetWeight(1)
	}
	if err := c.EligibleVoter.CreateBulk(bulk...).Exec(w.sys); err != nil {
		t.Fatalf("roll: %v", err)
	}
	if got := reads.Load(); got != 1 {
		t.Fatalf("a bulk insert of %d rows read its vote %d times, want 1", n, got)
	}
	got := c.EligibleVoter.Query().Where(eligiblevoter.VoteID(vid), eligiblevoter.TenantID(w.a.ID),
		eligiblevoter.UnitPath(w.a1.Path), eligiblevoter.CommunityPath(w.a1.Path)).CountX(w.sys)
	if got != n {
		t.Fatalf("%d of %d roll rows carry the vote's tenancy", got, n)
	}
	// Once the statement is done nothing is remembered: the next insert
	// reads the vote again, so a later change of the vote is never missed.
	c.EligibleVoter.Create().SetVoteID(vid).SetVoterKey("late").SetWeight(1).ExecX(w.sys)
	if got := reads.Load(); got != 2 {
		t.Fatalf("a later single insert read the vote %d times in all, want 2", got)
	}
	// A caller that has just read the vote hands it over and saves the read;
	// the row is still checked against it.
	v := c.Vote.GetX(w.sys, vid)
	known := schema.WithParents(w.sys, v)
	c.EligibleVoter.Create().SetVoteID(vid).SetVoterKey("known").SetWeight(1).ExecX(known)
	if got := reads.Load(); got != 3 { // the GetX above, and nothing more
		t.Fatalf("an insert under WithParents read the vote: %d reads in all, want 3", got)
	}
	err := c.EligibleVoter.Create().SetVoteID(vid).SetVoterKey("bad").SetWeight(1).SetTenantID(w.b.ID).Exec(known)
	if !errors.Is(err, privacy.Deny) {
		t.Fatalf("a row disagreeing with the known vote: want privacy.Deny, got %v", err)
	}
}
