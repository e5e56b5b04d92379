package notify

import "slices"

// Kind is the stable, machine-readable name of what a notification is
// about. Clients and webhook partners switch on it; the Chinese title is
// for people. The table below is the only list of kinds: preferences,
// the spec and the tests read it.
type Kind string

// The kinds (issue 12).
const (
	// ProposalUpdate: news on a proposal the user wrote, co-signed or
	// follows (data.action is the timeline action, e.g. accept).
	ProposalUpdate Kind = "proposal_update"
	// ProposalQueued: a proposal was submitted or escalated into the
	// staff member's scope and awaits handling.
	ProposalQueued Kind = "proposal_queued"
	// VoteOpened: a vote the user is on the roll of has opened.
	VoteOpened Kind = "vote_opened"
	// VoteResult: the result of a vote the user was on the roll of is out.
	VoteResult Kind = "vote_result"
	// MeetingScheduled: the user was added to a scheduled meeting.
	MeetingScheduled Kind = "meeting_scheduled"
	// MeetingMoved: a meeting the user takes part in has a new time or place.
	MeetingMoved Kind = "meeting_moved"
	// MeetingCancelled: a meeting the user takes part in was cancelled.
	MeetingCancelled Kind = "meeting_cancelled"
	// MinutesPending: minutes await the staff member's approval.
	MinutesPending Kind = "minutes_pending"
	// TaskAssigned: a task was assigned to the user or their organization.
	TaskAssigned Kind = "task_assigned"
	// TaskOverdue: a task the user carries or assigned is past due.
	TaskOverdue Kind = "task_overdue"
	// Digest: the daily digest of what a digest user received.
	Digest Kind = "daily_digest"
)

// KindInfo describes one kind for people: its Chinese label.
type KindInfo struct {
	Kind  Kind
	Label string
}

// Kinds is the table of every kind, in the order a settings page lists
// them.
func Kinds() []KindInfo {
	return []KindInfo{
		{ProposalUpdate, "我的、联名或关注的提案有新动态"},
		{ProposalQueued, "有提案进入我的待办"},
		{VoteOpened, "投票开始"},
		{VoteResult, "投票结果公布"},
		{MeetingScheduled, "会议安排"},
		{MeetingMoved, "会议改期或改址"},
		{MeetingCancelled, "会议取消"},
		{MinutesPending, "会议纪要待审批"},
		{TaskAssigned, "任务分派"},
		{TaskOverdue, "任务逾期"},
		{Digest, "每日汇总"},
	}
}

// Known reports whether k is in the table.
func Known(k string) bool {
	return slices.ContainsFunc(Kinds(), func(i KindInfo) bool { return string(i.Kind) == k })
}
