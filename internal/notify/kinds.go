package notify

import "slices"

// Kind is the stable, machine-readable name of what a notification is
// about. Clients and webhook partners switch on it; the Chinese title is
// for people. The table below is the only list of kinds: preferences,
// the spec and the tests read it.
type Kind string

// The kinds (issue 12).
const (
	// KindProposalUpdate: news on a proposal the user wrote, co-signed or
	// follows (data.action is the timeline action, e.g. accept).
	KindProposalUpdate Kind = "proposal_update"
	// KindProposalQueued: a proposal was submitted or escalated into the
	// staff member's scope and awaits handling.
	KindProposalQueued Kind = "proposal_queued"
	// KindVoteOpened: a vote the user is on the roll of has opened.
	KindVoteOpened Kind = "vote_opened"
	// KindVoteResult: the result of a vote the user was on the roll of is out.
	KindVoteResult Kind = "vote_result"
	// KindMeetingScheduled: the user was added to a scheduled meeting.
	KindMeetingScheduled Kind = "meeting_scheduled"
	// KindMeetingMoved: a meeting the user takes part in has a new time or place.
	KindMeetingMoved Kind = "meeting_moved"
	// KindMeetingCancelled: a meeting the user takes part in was cancelled.
	KindMeetingCancelled Kind = "meeting_cancelled"
	// KindMinutesPending: minutes await the staff member's approval.
	KindMinutesPending Kind = "minutes_pending"
	// KindTaskAssigned: a task was assigned to the user or their organization.
	KindTaskAssigned Kind = "task_assigned"
	// KindTaskOverdue: a task the user carries or assigned is past due.
	KindTaskOverdue Kind = "task_overdue"
	// KindBreakGlass: the platform operator granted a role in the tenant
	// by breaking glass (tenant admins only; issue 15).
	KindBreakGlass Kind = "break_glass"
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
		{KindProposalUpdate, "我的、联名或关注的提案有新动态"},
		{KindProposalQueued, "有提案进入我的待办"},
		{KindVoteOpened, "投票开始"},
		{KindVoteResult, "投票结果公布"},
		{KindMeetingScheduled, "会议安排"},
		{KindMeetingMoved, "会议改期或改址"},
		{KindMeetingCancelled, "会议取消"},
		{KindMinutesPending, "会议纪要待审批"},
		{KindTaskAssigned, "任务分派"},
		{KindTaskOverdue, "任务逾期"},
		{KindMembershipApproved, "入驻申请通过"},
		{KindMembershipRejected, "入驻申请未通过"},
		{KindBreakGlass, "平台紧急授权"},
	}
}

// Known reports whether k is in the table.
func Known(k string) bool {
	return slices.ContainsFunc(Kinds(), func(i KindInfo) bool { return string(i.Kind) == k })
}
