package notify

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"yishi/ent"
)

// maxTitleBytes is the notification title's column limit (ent's MaxLen
// counts bytes, and a Chinese character takes three).
const maxTitleBytes = 200

// Title is the one-line message a resident reads in their inbox, such as
// "你关注的提案「转角遇到爱心椅」已受理". A long proposal title is cut so
// the line always fits its column.
func Title(rel Relation, proposalTitle string, ev *ent.ProposalEvent) string {
	head, tail := relationPrefix(rel)+"「", "」"+phrase(ev)
	room := maxTitleBytes - len(head) - len(tail)
	return head + cut(proposalTitle, room) + tail
}

// Body carries the details a client shows below the title, in Chinese
// only (the machine names are in the notification's data): the status
// move (or the entry's kind), who acted, and the note.
func Body(ev *ent.ProposalEvent) string {
	var b strings.Builder
	if ev.FromStatus != ev.ToStatus && ev.FromStatus != "" {
		fmt.Fprintf(&b, "状态：%s → %s", statusLabel(ev.FromStatus), statusLabel(ev.ToStatus))
	} else {
		fmt.Fprintf(&b, "动态：%s；当前状态：%s", actionLabel(ev.Action), statusLabel(ev.ToStatus))
	}
	if ev.ActorName != "" {
		fmt.Fprintf(&b, "\n经办：%s", ev.ActorName)
	}
	if note := strings.TrimSpace(ev.Note); note != "" {
		fmt.Fprintf(&b, "\n说明：%s", note)
	}
	return b.String()
}

func relationPrefix(rel Relation) string {
	switch rel {
	case Author:
		return "你的提案"
	case Cosigner:
		return "你联名的提案"
	}
	return "你关注的提案"
}

// phrase says what happened: the new status for a status change, the
// entry's kind otherwise.
func phrase(ev *ent.ProposalEvent) string {
	if ev.FromStatus != ev.ToStatus {
		return statusPhrase(ev.ToStatus)
	}
	return actionLabel(ev.Action)
}

// cut shortens s to at most n bytes on a character boundary, marking the
// cut with an ellipsis.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const ellipsis = "…"
	n -= len(ellipsis)
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	if n < 0 {
		n = 0
	}
	return s[:n] + ellipsis
}

// actorLine starts the line of Body that names who acted.
const actorLine = "\n经办："

// MaskActor rewrites the "经办：" line of a Body with mask(name), for a
// reader who may not see the actor's name (issue 15). The body is stored
// once per event, the same for every recipient, so masking happens when
// a reader reads it.
func MaskActor(body string, mask func(string) string) string {
	i := strings.Index(body, actorLine)
	if i < 0 {
		return body
	}
	start := i + len(actorLine)
	end := strings.Index(body[start:], "\n")
	if end < 0 {
		end = len(body) - start
	}
	return body[:start] + mask(body[start:start+end]) + body[start+end:]
}
