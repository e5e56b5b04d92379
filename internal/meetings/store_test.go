package meetings_test

import (
	"context"
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/participant"
	"yishi/ent/proposalevent"
	"yishi/ent/schema/schematype"
	"yishi/internal/meetings"
	"yishi/internal/proposals"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// fixture is a community with an accepted proposal, seen by its staff.
type fixture struct {
	st        *store.Store
	ctx       context.Context
	community *ent.Unit
	proposal  *ent.Proposal
	by        proposals.Actor
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{st: testdb.Open(t), by: proposals.Actor{Subject: "u:1", UserID: 1, Name: "书记"}}
	sys := viewer.SystemContext(context.Background())
	f.must(t, store.WithTx(sys, f.st.Client, func(tx *ent.Tx) error {
		tenant, err := units.CreateTenant(sys, tx, units.Input{Name: "胜利街道", Code: "shengli"})
		if err != nil {
			return err
		}
		f.community, err = units.CreateChild(sys, tx, tenant, units.Input{Name: "锦华社区", Code: "jinhua"})
		return err
	}))
	scope := []string{f.community.Path}
	f.ctx = viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:1", UserID: 1, Scopes: scope, StaffScopes: scope})
	f.inTx(t, func(tx *ent.Tx) (err error) {
		p, err := proposals.Create(f.ctx, tx, proposals.NewProposal{Unit: f.community, Title: "转角遇到爱心椅",
			Body: "楼道转角放椅子", Kind: "individual", Channel: "mailbox", AuthorName: "小明家长"}, f.by)
		for _, action := range []string{"submit", "accept"} {
			if err == nil {
				p, err = proposals.TransitionTx(f.ctx, tx, p, action, proposals.TransitionInput{}, f.by)
			}
		}
		f.proposal = p
		return err
	})
	return f
}

func (f *fixture) must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) inTx(t *testing.T, fn func(tx *ent.Tx) error) {
	t.Helper()
	f.must(t, store.WithTx(f.ctx, f.st.Client, fn))
}

func TestDeliberationSchedulesCountsAndVersionsMinutes(t *testing.T) {
	f := newFixture(t)
	var m *ent.Meeting
	f.inTx(t, func(tx *ent.Tx) error {
		ms, err := meetings.Create(f.ctx, tx, meetings.NewMeeting{Unit: f.community, Title: "爱心椅议事会",
			Format: "deliberation", StartsAt: time.Now().Add(-time.Hour), ProposalIDs: []int{f.proposal.ID}}, f.by)
		if err == nil {
			m, err = meetings.SetStatus(f.ctx, tx, ms[0], meetings.Held, time.Now())
		}
		return err
	})
	if p := f.st.Client.Proposal.GetX(f.ctx, f.proposal.ID); p.Status != "deliberating" {
		t.Fatalf("proposal is %s, want deliberating", p.Status)
	}
	f.inTx(t, func(tx *ent.Tx) error {
		for _, id := range []string{"building_head", "building_head", "property_rep"} {
			err := tx.Participant.Create().SetTenantID(m.TenantID).SetUnitID(m.UnitID).SetUnitPath(m.UnitPath).
				SetCommunityPath(m.CommunityPath).SetMeetingID(m.ID).SetGuestName("嘉宾").
				SetIdentity(participant.Identity(id)).SetAttended(id == "building_head").Exec(f.ctx)
			if err != nil {
				return err
			}
		}
		return nil
	})
	att, err := meetings.CountAttendance(f.ctx, f.st.Client, m.ID)
	if err != nil || att.Invited != 3 || att.Attended != 2 || att.ByIdentity[0].Attended != 2 {
		t.Fatalf("attendance = %+v, %v", att, err)
	}
	item := f.st.Client.AgendaItem.Query().OnlyX(f.ctx)
	decision := []schematype.MinutesDecision{{AgendaItemID: item.ID, Outcome: "approved", Text: "安装折叠椅"}}
	var v1, v2 *ent.Minutes
	f.inTx(t, func(tx *ent.Tx) (err error) {
		if _, err = meetings.WriteMinutes(f.ctx, tx, m, meetings.Draft{Text: "草稿"}); err == nil {
			_, err = meetings.WriteMinutes(f.ctx, tx, m, meetings.Draft{Text: "定稿", Decisions: decision})
		}
		if err == nil {
			v1, err = meetings.ApproveMinutes(f.ctx, tx, m, &f.by.UserID, f.by, time.Now())
		}
		if err == nil {
			v2, err = meetings.WriteMinutes(f.ctx, tx, m, meetings.Draft{Text: "更正", Decisions: decision})
		}
		return err
	})
	if v1.Version != 1 || v1.Status != "approved" || v1.Text != "定稿" || v2.Version != 2 || v2.Status != "draft" {
		t.Fatalf("v1 = %d %s %q, v2 = %d %s", v1.Version, v1.Status, v1.Text, v2.Version, v2.Status)
	}
	if got := f.st.Client.Minutes.GetX(f.ctx, v1.ID); got.Text != "定稿" {
		t.Fatalf("approved minutes changed to %q", got.Text)
	}
	actions := f.st.Client.ProposalEvent.Query().Where(proposalevent.ProposalID(f.proposal.ID)).
		Order(ent.Asc(proposalevent.FieldID)).Select(proposalevent.FieldAction).StringsX(f.ctx)
	if n := len(actions); n < 2 || actions[n-2] != "schedule" || actions[n-1] != "meeting_decision" {
		t.Fatalf("timeline = %v", actions)
	}
}
