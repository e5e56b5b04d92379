// Package accessdoc renders the route table's declared access
// (handlers.AccessTable) for readers: docs/PERMISSIONS.md, and the
// x-permission extension and "Permission:" line each spec operation
// carries. It lives apart from the handlers so that the generators and the
// staleness tests share one rendering without the HTTP layer carrying
// documentation code.
package accessdoc

import (
	"strings"

	"yishi/handlers"
)

// Spec extensions an operation carries.
const (
	// PermissionExtension holds the operation's permission: "obj:act", ""
	// when none is needed, or on a …/{action} operation an object mapping
	// each action to its permission.
	PermissionExtension = "x-permission"
	// ModeExtension holds the mode (access.Mode.String()) the permission
	// is decided in, or on a …/{action} operation an object mapping each
	// action to its mode.
	ModeExtension = "x-permission-mode"
)

// Description line prefixes; StripDescriptionLine recognises them so that
// annotating an annotated spec again changes nothing.
const (
	linePrefix        = "Permission: "
	actionsLinePrefix = "Permission by action: "
)

// XPermission is the value of an operation's x-permission extension.
func XPermission(r handlers.RouteAccess) any {
	return perAction(r, func(ra handlers.RuleAccess) string { return ra.Permission })
}

// XPermissionMode is the value of an operation's x-permission-mode extension.
func XPermissionMode(r handlers.RouteAccess) any {
	return perAction(r, func(ra handlers.RuleAccess) string { return ra.Mode })
}

// perAction is f of the route's rule, or of each action's rule keyed by
// action on a …/{action} route.
func perAction(r handlers.RouteAccess, f func(handlers.RuleAccess) string) any {
	if r.Actions == nil {
		return f(r.Rule)
	}
	out := make(map[string]string, len(r.Actions))
	for _, a := range r.Actions {
		out[a.Action] = f(a.Rule)
	}
	return out
}

// DescriptionLine is the one line an operation's description ends with,
// e.g. "Permission: proposal:read (community-wide)".
func DescriptionLine(r handlers.RouteAccess) string {
	if r.Actions == nil {
		return linePrefix + Summary(r.Rule)
	}
	parts := make([]string, 0, len(r.Actions))
	for _, a := range r.Actions {
		parts = append(parts, a.Action+": "+Summary(a.Rule))
	}
	return actionsLinePrefix + strings.Join(parts, "; ")
}

// WithDescriptionLine returns desc ending in line as its last paragraph,
// replacing a permission line a previous run left there.
func WithDescriptionLine(desc, line string) string {
	desc = StripDescriptionLine(desc)
	if desc == "" {
		return line
	}
	return desc + "\n\n" + line
}

// StripDescriptionLine removes the permission paragraph WithDescriptionLine
// added, if any.
func StripDescriptionLine(desc string) string {
	head, last := "", desc
	if i := strings.LastIndex(desc, "\n\n"); i >= 0 {
		head, last = desc[:i], desc[i+2:]
	}
	if strings.HasPrefix(last, linePrefix) || strings.HasPrefix(last, actionsLinePrefix) {
		return head
	}
	return desc
}

// Summary spells a rule in one line: "task:read (subtree) or
// proposal:read (community-wide)", with predicates and the handler's
// body-dependent checks.
func Summary(r handlers.RuleAccess) string {
	perm := r.Permission
	if perm == "" {
		perm = "none"
	}
	s := perm + " (" + r.Mode
	if len(r.Predicates) > 0 {
		s += "; " + predicateNames(r.Predicates)
	}
	s += ")"
	if r.Or != nil {
		s += " or " + Summary(*r.Or)
	}
	if r.Also != "" {
		s += "; also " + r.Also
	}
	return s
}

// predicateNames lists predicate names, marking those the handler checks
// once the body is bound.
func predicateNames(ps []handlers.PredicateAccess) string {
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		n := p.Name
		if p.Deferred {
			n += " [deferred]"
		}
		names = append(names, n)
	}
	return strings.Join(names, ", ")
}
