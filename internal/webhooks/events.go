package webhooks

import (
	"regexp"
	"slices"
	"strings"
)

// Resources are the event families an endpoint may subscribe to; the
// producers are the outbox hooks in ent/schema/outbox_sources.go. Adding
// a family is one line here and one there.
var resources = []string{
	"proposal",           // every timeline action: proposal.submit, proposal.accept, …
	"vote",               // vote.opened, vote.closed, vote.result
	"meeting",            // meeting.scheduled, meeting.changed
	"task",               // task.assigned, task.overdue, task.done
	"feedback",           // feedback.given
	"notification",       // notification.created
	"membership_request", // membership_request.<status>
}

// Resources lists the event families, for the spec and error messages.
func Resources() []string { return slices.Clone(resources) }

var eventName = regexp.MustCompile(`^[a-z_]+$`)

// ValidEventPattern reports whether p is a subscription pattern: "*",
// "<resource>.*" or "<resource>.<event>".
func ValidEventPattern(p string) bool {
	if p == "*" {
		return true
	}
	res, ev, ok := strings.Cut(p, ".")
	if !ok || !slices.Contains(resources, res) {
		return false
	}
	return ev == "*" || eventName.MatchString(ev)
}

// Matches reports whether an endpoint subscribed to patterns wants an
// event of type typ.
func Matches(patterns []string, typ string) bool {
	res, _, _ := strings.Cut(typ, ".")
	for _, p := range patterns {
		if p == "*" || p == typ || p == res+".*" {
			return true
		}
	}
	return false
}
