package tasks_test

import (
	"testing"
	"time"

	"yishi/ent"
	"yishi/ent/proposalevent"
	"yishi/ent/task"
	"yishi/internal/tasks"
	"yishi/internal/viewer"
)

// TestReportMovesTaskAndTimeline: reports raise the percent, 100% is done
// with done_at, each report is on the proposal's timeline, a lower
// percent needs a lead, and a stale task is a conflict.
func TestReportMovesTaskAndTimeline(t *testing.T) {
	f := newFixture(t)
	tk := f.newTask()
	if tk.Weight != 1 || tk.Status != task.StatusTodo {
		t.Fatalf("new task = %+v", tk)
	}
	mid, err := f.report(tk, tasks.NewReport{Percent: 30, Note: "已采购"})
	if err != nil || mid.Status != task.StatusDoing || mid.Percent != 30 {
		t.Fatalf("30%% = %+v, %v", mid, err)
	}
	if _, err := f.report(tk, tasks.NewReport{Percent: 50, Note: "旧版本"}); code(err) != "task.conflict" {
		t.Fatalf("stale task = %v", err)
	}
	if _, err := f.report(mid, tasks.NewReport{Percent: 20, Note: "倒退"}); code(err) != "task.percent_below_current" {
		t.Fatalf("lowering = %v", err)
	}
	done, err := f.report(mid, tasks.NewReport{Percent: 100, Note: "300把折叠椅安装完毕"})
	if err != nil || done.Status != task.StatusDone || done.DoneAt == nil {
		t.Fatalf("100%% = %+v, %v", done, err)
	}
	reopened, err := f.report(done, tasks.NewReport{Percent: 90, Note: "两把需更换", Correct: true})
	if err != nil || reopened.Status != task.StatusDoing || reopened.DoneAt != nil {
		t.Fatalf("lead's correction = %+v, %v", reopened, err)
	}
	events := f.st.Client.ProposalEvent.Query().Where(proposalevent.ProposalID(f.proposal.ID),
		proposalevent.Action("progress_report")).Order(ent.Asc(proposalevent.FieldID)).AllX(f.ctx)
	if len(events) != 3 || events[1].Note != "300把折叠椅安装完毕" || events[1].Detail["percent"] != float64(100) {
		t.Fatalf("progress events = %+v", events)
	}
}

// TestTasksOnlyDuringDelivery: once completed, a proposal takes no new
// task and no report, and an organization must be of its tenant.
func TestTasksOnlyDuringDelivery(t *testing.T) {
	f := newFixture(t)
	tk := f.newTask()
	other := f.st.Client.Organization.Create().SetTenantID(f.tenant.ID + 1000).SetUnitID(1).SetUnitPath("x/").
		SetName("别处物业").SetKind("property_company").SaveX(viewer.SystemContext(f.ctx))
	err := f.try(func(tx *ent.Tx) error {
		_, err := tasks.Create(f.ctx, tx, f.proposal, tasks.NewTask{Title: "x", OrganizationID: &other.ID, DueAt: time.Now()}, f.by)
		return err
	})
	if code(err) != "request.invalid" {
		t.Fatalf("foreign organization = %v", err)
	}
	f.st.Client.Proposal.UpdateOneID(f.proposal.ID).SetStatus("completed").ExecX(f.ctx)
	if _, err := f.report(tk, tasks.NewReport{Percent: 50, Note: "x"}); code(err) != "proposal.not_in_delivery" {
		t.Fatalf("report on a completed proposal = %v", err)
	}
	if got := f.st.Client.Task.GetX(f.ctx, tk.ID); got.Percent != 0 {
		t.Fatalf("the refused report moved the task to %d%%", got.Percent)
	}
}
