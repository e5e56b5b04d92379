package notify

import (
	"context"
	"fmt"
	"time"

	"yishi/ent"
)

// shanghai is the time zone in which people read dates in notifications.
var shanghai = time.FixedZone("CST", 8*3600)

// when formats t as residents read it: 11月30日 19:30.
func when(t time.Time) string { return t.In(shanghai).Format("1月2日 15:04") }

// VoteOpened tells everyone on v's roll (frozen when it opened) that the
// ballot box is open. Call it in the transaction that opens the vote.
func VoteOpened(ctx context.Context, client *ent.Client, v *ent.Vote, actor int) error {
	people, err := voteRoll(ctx, client, v.ID)
	if err != nil {
		return err
	}
	b := Batch{Kind: KindVoteOpened, TenantID: v.TenantID, ProposalID: v.ProposalID,
		Title: fmt.Sprintf("投票「%s」已开始，欢迎投票", v.Title), Body: "投票已开始",
		Data:     map[string]any{"vote_id": v.ID, "proposal_id": v.ProposalID, "closes_at": v.ClosesAt},
		DedupKey: fmt.Sprintf("vote_opened:%d", v.ID)}
	if v.ClosesAt != nil {
		b.Title = fmt.Sprintf("投票「%s」已开始，请在%s前投票", v.Title, when(*v.ClosesAt))
		b.Body = fmt.Sprintf("投票截止：%s", when(*v.ClosesAt))
	}
	return Send(ctx, client, b, people, actor)
}

// VoteResult tells everyone on v's roll that its result is published.
// Call it in the transaction that publishes the result.
func VoteResult(ctx context.Context, client *ent.Client, v *ent.Vote, actor int) error {
	people, err := voteRoll(ctx, client, v.ID)
	if err != nil {
		return err
	}
	return Send(ctx, client, Batch{Kind: KindVoteResult, TenantID: v.TenantID, ProposalID: v.ProposalID,
		Title:    fmt.Sprintf("投票「%s」结果已公布", v.Title),
		Body:     "投票已结束，欢迎查看结果",
		Data:     map[string]any{"vote_id": v.ID, "proposal_id": v.ProposalID},
		DedupKey: fmt.Sprintf("vote_result:%d", v.ID)}, people, actor)
}

// MeetingScheduled tells the people just added to m that they take part.
func MeetingScheduled(ctx context.Context, client *ent.Client, m *ent.Meeting, userIDs []int, actor int) error {
	return Send(ctx, client, Batch{Kind: KindMeetingScheduled, TenantID: m.TenantID,
		Title:    fmt.Sprintf("你受邀参加会议「%s」，时间：%s", m.Title, when(m.StartsAt)),
		Body:     fmt.Sprintf("会议时间：%s", when(m.StartsAt)),
		Data:     map[string]any{"meeting_id": m.ID, "starts_at": m.StartsAt.UTC()},
		DedupKey: fmt.Sprintf("meeting_scheduled:%d", m.ID)}, userIDs, actor)
}

// MeetingMoved tells m's participants its new time (or place). key
// distinguishes successive moves (the new start, venue).
func MeetingMoved(ctx context.Context, client *ent.Client, m *ent.Meeting, actor int) error {
	people, err := meetingPeople(ctx, client, m.ID)
	if err != nil {
		return err
	}
	return Send(ctx, client, Batch{Kind: KindMeetingMoved, TenantID: m.TenantID,
		Title:    fmt.Sprintf("会议「%s」有调整，新时间：%s", m.Title, when(m.StartsAt)),
		Body:     fmt.Sprintf("会议时间：%s", when(m.StartsAt)),
		Data:     map[string]any{"meeting_id": m.ID, "starts_at": m.StartsAt.UTC(), "venue_id": m.VenueID},
		DedupKey: fmt.Sprintf("meeting_moved:%d:%d", m.ID, m.Version)}, people, actor)
}

// MeetingCancelled tells m's participants it will not take place.
func MeetingCancelled(ctx context.Context, client *ent.Client, m *ent.Meeting, actor int) error {
	people, err := meetingPeople(ctx, client, m.ID)
	if err != nil {
		return err
	}
	return Send(ctx, client, Batch{Kind: KindMeetingCancelled, TenantID: m.TenantID,
		Title:    fmt.Sprintf("会议「%s」（%s）已取消", m.Title, when(m.StartsAt)),
		Body:     "会议已取消",
		Data:     map[string]any{"meeting_id": m.ID},
		DedupKey: fmt.Sprintf("meeting_cancelled:%d", m.ID)}, people, actor)
}

// MinutesPending tells the staff who approve minutes where m is held
// that a draft awaits them.
func MinutesPending(ctx context.Context, client *ent.Client, m *ent.Meeting, row *ent.Minutes, actor int) error {
	people, err := staffAt(ctx, client, m.UnitPath, minutesQueueRoles)
	if err != nil {
		return err
	}
	return Send(ctx, client, Batch{Kind: KindMinutesPending, TenantID: m.TenantID,
		Title:    fmt.Sprintf("会议「%s」的纪要（第%d稿）待审批", m.Title, row.Version),
		Body:     "请审阅纪要并批准",
		Data:     map[string]any{"meeting_id": m.ID, "minutes_id": row.ID, "version": row.Version},
		DedupKey: fmt.Sprintf("minutes_pending:%d", row.ID)}, people, actor)
}

// TaskAssigned tells whoever carries t (the assignee, or the members of
// its organization) that it is theirs.
func TaskAssigned(ctx context.Context, client *ent.Client, t *ent.Task, actor int) error {
	people, err := taskPeople(ctx, client, t)
	if err != nil {
		return err
	}
	pid := t.ProposalID
	return Send(ctx, client, Batch{Kind: KindTaskAssigned, TenantID: t.TenantID, ProposalID: &pid,
		Title:    fmt.Sprintf("你有新任务「%s」，截止：%s", t.Title, when(t.DueAt)),
		Body:     fmt.Sprintf("截止时间：%s", when(t.DueAt)),
		Data:     map[string]any{"task_id": t.ID, "proposal_id": t.ProposalID, "due_at": t.DueAt.UTC()},
		DedupKey: fmt.Sprintf("task_assigned:%d:%d", t.ID, t.Version)}, people, actor)
}
