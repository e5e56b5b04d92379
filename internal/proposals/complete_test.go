package proposals_test

import (
	"strings"
	"testing"

	"yishi/ent/proposal"
	"yishi/ent/task"
	"yishi/internal/apperr"
)

func wantConflict(t *testing.T, err error, code string) {
	t.Helper()
	if e, ok := apperr.As(err); !ok || e.Code != code {
		t.Fatalf("err = %v, want %s", err, code)
	}
}

// TestStartAndCompleteGuardOnTasks: start needs a task, complete needs
// every task done; illegal transitions stay invalid_transition.
func TestStartAndCompleteGuardOnTasks(t *testing.T) {
	d := newDelivery(t)
	p := d.approved()
	_, err := d.act(p, "complete")
	wantConflict(t, err, "proposal.invalid_transition")
	_, err = d.act(p, "start")
	wantConflict(t, err, "proposal.no_tasks")
	d.addTask(p, task.StatusDone)
	d.addTask(p, task.StatusDoing)
	d.addTask(p, task.StatusBlocked)
	_, err = d.act(p, "start")
	d.must(err)
	_, err = d.act(p, "complete")
	wantConflict(t, err, "proposal.tasks_open")
	if e, _ := apperr.As(err); !strings.HasPrefix(e.Detail, "2 of 3 tasks") {
		t.Fatalf("detail %q does not count the open tasks", e.Detail)
	}
	n := d.st.Client.Task.Update().Where(task.ProposalID(p.ID)).SetStatus(task.StatusDone).SaveX(d.ctx)
	if n != 3 {
		t.Fatalf("updated %d tasks", n)
	}
	got, err := d.act(p, "complete")
	d.must(err)
	if got.Status != proposal.StatusCompleted || got.ResolvedAt == nil {
		t.Fatalf("completed = %s", got.Status)
	}
}
