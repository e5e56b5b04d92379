package notify

import (
	"strings"
	"testing"
	"unicode/utf8"

	"yishi/ent"
)

func TestTitleNamesTheRelationAndTheChange(t *testing.T) {
	accept := &ent.ProposalEvent{Action: "accept", FromStatus: "submitted", ToStatus: "accepted"}
	cases := map[Relation]string{
		Author:   "你的提案「转角遇到爱心椅」已受理",
		Cosigner: "你联名的提案「转角遇到爱心椅」已受理",
		Follower: "你关注的提案「转角遇到爱心椅」已受理",
	}
	for rel, want := range cases {
		if got := Title(rel, "转角遇到爱心椅", accept); got != want {
			t.Errorf("%s: %q, want %q", rel, got, want)
		}
	}
	report := &ent.ProposalEvent{Action: "progress_report", FromStatus: "implementing", ToStatus: "implementing"}
	if got := Title(Author, "爱心椅", report); got != "你的提案「爱心椅」有新的进展汇报" {
		t.Errorf("progress report: %q", got)
	}
}

func TestTitleFitsItsColumn(t *testing.T) {
	long := strings.Repeat("爱心椅", 100)
	got := Title(Follower, long, &ent.ProposalEvent{Action: "complete", FromStatus: "implementing", ToStatus: "completed"})
	if len(got) > maxTitleBytes || !utf8.ValidString(got) || !strings.HasSuffix(got, "…」已完成，欢迎评价") {
		t.Fatalf("title %d bytes: %q", len(got), got)
	}
}

func TestBodyCarriesStatusesActorAndNote(t *testing.T) {
	got := Body(&ent.ProposalEvent{Action: "accept", FromStatus: "submitted", ToStatus: "accepted",
		ActorName: "锦华书记", Note: "符合鼓励清单"})
	for _, want := range []string{"已提交 → 已受理", "锦华书记", "符合鼓励清单"} {
		if !strings.Contains(got, want) {
			t.Errorf("body %q lacks %q", got, want)
		}
	}
	if strings.ContainsAny(got, "abcdefghijklmnopqrstuvwxyz") {
		t.Errorf("body %q has English fragments", got)
	}
}

func TestNotifiesStatusChangesAndReportsOnly(t *testing.T) {
	cases := []struct {
		ev   ent.ProposalEvent
		want bool
	}{
		{ent.ProposalEvent{Action: "create", ToStatus: "draft"}, false},
		{ent.ProposalEvent{Action: "cosign", FromStatus: "collecting", ToStatus: "collecting"}, false},
		{ent.ProposalEvent{Action: "cosign", FromStatus: "collecting", ToStatus: "submitted"}, true},
		{ent.ProposalEvent{Action: "meeting_decision", FromStatus: "deliberating", ToStatus: "deliberating"}, true},
		{ent.ProposalEvent{Action: "escalate", FromStatus: "submitted", ToStatus: "submitted"}, true},
	}
	for _, c := range cases {
		if got := Notifies(&c.ev); got != c.want {
			t.Errorf("%s %s→%s: %v, want %v", c.ev.Action, c.ev.FromStatus, c.ev.ToStatus, got, c.want)
		}
	}
}
