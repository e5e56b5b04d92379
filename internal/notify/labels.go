package notify

import "strings"

// statusPhrase completes "你的提案「…」" for a move to status s; the
// wording follows what residents are told at the counter.
func statusPhrase(s string) string {
	switch s {
	case "collecting":
		return "开始征集联名"
	case "submitted":
		return "已提交，等待受理"
	case "needs_revision":
		return "被退回修改"
	case "merged":
		return "已与其他提案合并"
	case "referred":
		return "已转交外部单位办理"
	case "deliberating":
		return "进入议事"
	case "implementing":
		return "开始实施"
	case "completed":
		return "已完成，欢迎评价"
	case "lapsed":
		return "联名未达标，已失效"
	}
	return statusLabel(s)
}

// statusLabel is the short Chinese name of a status.
func statusLabel(s string) string {
	switch s {
	case "draft":
		return "草稿"
	case "collecting":
		return "征集联名"
	case "submitted":
		return "已提交"
	case "needs_revision":
		return "待修改"
	case "accepted":
		return "已受理"
	case "rejected":
		return "未予受理"
	case "merged":
		return "已合并"
	case "referred":
		return "已转交"
	case "deliberating":
		return "议事中"
	case "approved":
		return "议事通过"
	case "declined":
		return "议事未通过"
	case "implementing":
		return "实施中"
	case "completed":
		return "已完成"
	case "closed":
		return "已办结"
	case "withdrawn":
		return "已撤回"
	case "lapsed":
		return "已失效"
	}
	return s
}

// actionLabel names a timeline entry that does not move the status;
// votes (whatever their entry is called) report a result, and anything
// else reads as news.
func actionLabel(a string) string {
	switch a {
	case "escalate":
		return "已上报上级单位"
	case "task_assigned":
		return "已分配职责"
	case "progress_report":
		return "有新的进展汇报"
	case "meeting_decision":
		return "议事会议作出决定"
	case "report_meeting":
		return "报告会议通报了进展"
	case "agenda":
		return "已列入会议议程"
	case "follow_up":
		return "有居民发起了跟进提案"
	case "edit":
		return "内容已修改"
	case "merge_in":
		return "合并了其他提案"
	case "task_reassigned":
		return "职责已改派"
	case "task_rescheduled":
		return "任务期限已调整"
	case "task_cancelled":
		return "有任务已取消"
	}
	if strings.HasPrefix(a, "vote") {
		return "投票结果已公布"
	}
	return "有新动态"
}
