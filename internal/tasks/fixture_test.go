package tasks_test

import (
	"context"
	"testing"
	"time"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/proposals"
	"yishi/internal/store"
	"yishi/internal/tasks"
	"yishi/internal/testdb"
	"yishi/internal/units"
	"yishi/internal/viewer"
)

// fixture is an approved proposal of a community, seen by its lead.
type fixture struct {
	t        *testing.T
	st       *store.Store
	ctx      context.Context
	tenant   *ent.Unit
	proposal *ent.Proposal
	by       proposals.Actor
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, st: testdb.Open(t), by: proposals.Actor{Subject: "u:1", UserID: 1, Name: "书记"}}
	sys := viewer.SystemContext(context.Background())
	var community *ent.Unit
	f.inTx(sys, func(tx *ent.Tx) (err error) {
		if f.tenant, err = units.CreateTenant(sys, tx, units.Input{Name: "胜利街道", Code: "shengli"}); err == nil {
			community, err = units.CreateChild(sys, tx, f.tenant, units.Input{Name: "锦华社区", Code: "jinhua"})
		}
		return err
	})
	scope := []string{community.Path}
	f.ctx = viewer.NewContext(context.Background(), &viewer.Viewer{Subject: "u:1", UserID: 1, Scopes: scope, StaffScopes: scope})
	f.inTx(f.ctx, func(tx *ent.Tx) (err error) {
		p, err := proposals.Create(f.ctx, tx, proposals.NewProposal{Unit: community, Title: "转角遇到爱心椅",
			Body: "楼道转角放椅子", Kind: "individual", Channel: "mailbox", AuthorName: "小明家长"}, f.by)
		for _, a := range []string{"submit", "accept", "schedule", "decide"} {
			if err == nil {
				p, err = proposals.TransitionTx(f.ctx, tx, p, a, proposals.TransitionInput{Outcome: "approved", Note: "通过"}, f.by)
			}
		}
		f.proposal = p
		return err
	})
	return f
}

func (f *fixture) inTx(ctx context.Context, fn func(tx *ent.Tx) error) {
	f.t.Helper()
	if err := store.WithTx(ctx, f.st.Client, fn); err != nil {
		f.t.Fatal(err)
	}
}

// try runs fn in a transaction and returns its error.
func (f *fixture) try(fn func(tx *ent.Tx) error) error { return store.WithTx(f.ctx, f.st.Client, fn) }

func (f *fixture) newTask() *ent.Task {
	f.t.Helper()
	var tk *ent.Task
	assignee := 7
	f.inTx(f.ctx, func(tx *ent.Tx) (err error) {
		tk, err = tasks.Create(f.ctx, tx, f.proposal, tasks.NewTask{Title: "安装300把折叠椅",
			AssigneeID: &assignee, DueAt: time.Now().Add(time.Hour)}, f.by)
		return err
	})
	return tk
}

func (f *fixture) report(tk *ent.Task, in tasks.NewReport) (*ent.Task, error) {
	var out *ent.Task
	err := f.try(func(tx *ent.Tx) (err error) {
		_, out, err = tasks.Report(f.ctx, tx, tk, in, f.by, time.Now())
		return err
	})
	return out, err
}

func code(err error) string {
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	return ""
}
