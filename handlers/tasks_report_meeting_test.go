package handlers_test

import (
	"fmt"
	"testing"
	"time"
)

// TestTaskReportMeetingShowsOnTimeline: a report meeting (报告会议) on the
// love-seat proposal while it is implementing lists it on the agenda, and
// its approved minutes show on the proposal's timeline next to the
// progress reports that residents can read.
func TestTaskReportMeetingShowsOnTimeline(t *testing.T) {
	w := newWorld(t)
	pid := w.approvedLoveSeat()
	org, rep := w.propertyCompany()
	chairs := w.createTask(pid, taskBody("安装300把折叠椅", 7*24*time.Hour, map[string]any{"organization_id": org}))
	w.act(w.leadA1, pid, "start", nil).want(200)
	w.report(rep, chairs, 100, "300把折叠椅安装完毕").want(201)
	start := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)
	m := w.do("POST", unitPath(w.A1, "/meetings"), w.leadA1.Token, map[string]any{"title": "爱心椅项目报告会",
		"format": "report_meeting", "starts_at": start.Format(time.RFC3339), "proposal_ids": []int{pid}}).want(201).id()
	w.do("POST", fmt.Sprintf("/v1/meetings/%d/held", m), w.leadA1.Token, nil).want(200)
	text := "物业汇报：300把折叠椅已在各楼道转角安装完毕，居民代表现场查看。"
	w.do("PUT", fmt.Sprintf("/v1/meetings/%d/minutes", m), w.leadA1.Token, map[string]any{"text": text}).want(200)
	w.do("POST", fmt.Sprintf("/v1/meetings/%d/minutes/approve", m), w.leadA1.Token, nil).want(200)
	if got := w.do("GET", proposalURL(pid, ""), w.leadA1.Token, nil).want(200).obj()["status"]; got != "implementing" {
		t.Fatalf("a report meeting moved the proposal to %v", got)
	}
	actions, events := w.timeline(pid, w.resA1g1)
	var reported, progress bool
	for _, e := range events {
		switch e["action"] {
		case "report_meeting":
			reported = e["note"] == text && e["detail"].(map[string]any)["meeting_id"].(float64) == float64(m)
		case "progress_report":
			progress = true
		}
	}
	if !reported || !progress {
		t.Fatalf("timeline %v lacks the report meeting's minutes or the progress report", actions)
	}
	w.act(w.leadA1, pid, "complete", nil).want(200)
}
