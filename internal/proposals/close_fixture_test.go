package proposals_test

import (
	"context"
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/task"
	"yishi/internal/proposals"
	"yishi/internal/store"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// delivery is a community whose lead takes proposals through delivery.
type delivery struct {
	t         *testing.T
	st        *store.Store
	ctx       context.Context
	community *ent.Unit
	by        proposals.Actor
}

func newDelivery(t *testing.T) *delivery {
	t.Helper()
	d := &delivery{t: t, st: testdb.Open(t), by: proposals.Actor{Subject: "u:1", UserID: 1, Name: "书记"}}
	sys := viewer.SystemContext(context.Background())
	d.must(store.WithTx(sys, d.st.Client, func(tx *ent.Tx) error {
		tenant, err := units.CreateTenant(sys, tx, units.Input{Name: "胜利街道", Code: "shengli"})
		if err == nil {
			d.community, err = units.CreateChild(sys, tx, tenant, units.Input{Name: "锦华社区", Code: "jinhua"})
		}
		return err
	}))
	scope := []string{d.community.Path}
	d.ctx = viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:1", UserID: 1, Scopes: scope, StaffScopes: scope})
	return d
}

func (d *delivery) must(err error) {
	d.t.Helper()
	if err != nil {
		d.t.Fatal(err)
	}
}

// approved files a proposal and takes it to approved.
func (d *delivery) approved() *ent.Proposal {
	d.t.Helper()
	var p *ent.Proposal
	d.must(store.WithTx(d.ctx, d.st.Client, func(tx *ent.Tx) (err error) {
		p, err = proposals.Create(d.ctx, tx, proposals.NewProposal{Unit: d.community, Title: "转角遇到爱心椅",
			Body: "楼道转角放椅子", Kind: "individual", Channel: "mailbox", AuthorName: "小明家长"}, d.by)
		for _, a := range []string{"submit", "accept", "schedule", "decide"} {
			if err == nil {
				in := proposals.TransitionInput{Outcome: "approved", Note: "议事会通过"}
				p, err = proposals.TransitionTx(d.ctx, tx, p, a, in, d.by)
			}
		}
		return err
	}))
	return p
}

// addTask writes a task on p directly, with status st.
func (d *delivery) addTask(p *ent.Proposal, st task.Status) {
	d.t.Helper()
	d.st.Client.Task.Create().SetTenantID(p.TenantID).SetUnitID(p.UnitID).SetUnitPath(p.UnitPath).
		SetCommunityPath(p.CommunityPath).SetProposalID(p.ID).SetTitle("安装").SetDueAt(time.Now()).
		SetStatus(st).ExecX(d.ctx)
}

// act applies action to the current p.
func (d *delivery) act(p *ent.Proposal, action string) (*ent.Proposal, error) {
	cur := d.st.Client.Proposal.GetX(d.ctx, p.ID)
	return proposals.Transition(d.ctx, d.st.Client, cur, action, proposals.TransitionInput{}, d.by)
}

// completed is an approved proposal with one done task, completed.
func (d *delivery) completed() *ent.Proposal {
	d.t.Helper()
	p := d.approved()
	d.addTask(p, task.StatusDone)
	_, err := d.act(p, "start")
	d.must(err)
	p, err = d.act(p, "complete")
	d.must(err)
	return p
}
