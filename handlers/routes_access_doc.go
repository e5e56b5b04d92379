package handlers

import (
	"fmt"
	"slices"
	"strings"

	"yishi/authz"
	"yishi/authz/access"
)

// RouteAccess is one line of the route table as documentation sees it:
// docs/PERMISSIONS.md and the spec's x-permission are generated from these
// values, so neither can drift from what the router enforces.
type RouteAccess struct {
	// Method is the HTTP method, upper case.
	Method string
	// Path is the route in gin syntax ("/v1/units/:id").
	Path string
	// OpenAPIPath is the same route as the spec spells it ("/v1/units/{id}").
	OpenAPIPath string
	// Target names the loader that finds the row the rule is decided on;
	// "" when the route has none.
	Target string
	// Rule is the route's access; zero on …/:action routes, which use Actions.
	Rule RuleAccess
	// Actions lists one rule per action of a …/:action route, in the
	// table's ActionOrder; nil on other routes.
	Actions []ActionAccess
	// Bodies lists the media types besides JSON the body may have; the
	// spec documents 413 and 415 from it.
	Bodies []string
	// Unmetered routes are exempt from the write rate (no 429).
	Unmetered bool
}

// ActionAccess is the rule of one action of a …/:action route.
type ActionAccess struct {
	// Action is the value of the :action path segment.
	Action string
	// Rule is who may take it.
	Rule RuleAccess
}

// RuleAccess is an access.Rule spelled out for readers: strings instead of
// the types the decider uses, plus the roles that hold the permission.
type RuleAccess struct {
	// Permission is "obj:act"; "" on public and signed-in routes.
	Permission string
	// Mode is access.Mode.String().
	Mode string
	// Predicates are the relationship rules that must hold besides.
	Predicates []PredicateAccess
	// Or is the alternative rule that also grants access, if any.
	Or *RuleAccess
	// Also documents the checks the handler makes once the body is bound.
	Also string
	// Roles are the roles of authz/policy.csv that hold Permission,
	// strongest first; for role_assignment:grant:{role} each entry names
	// the roles that role may grant ("lead (guide, implementer)"). Public
	// and signed-in routes say "anyone" / "any signed-in caller".
	Roles []string
}

// PredicateAccess is one named predicate of a rule.
type PredicateAccess struct {
	// Name is the predicate's stable name.
	Name string
	// Doc says what must be true.
	Doc string
	// Deferred predicates are checked by the handler once the body is bound.
	Deferred bool
}

// Role lists for the modes that need no permission.
const (
	anyoneRole   = "anyone"
	signedInRole = "any signed-in caller"
)

// AccessTable describes every route the router serves, in table order. It
// reads the table of a zero server: the handlers and loaders are method
// values and closures that are never called. It fails when the table is
// inconsistent in a way the router would not notice (an action rule
// ActionOrder does not list, a route declared twice).
func AccessTable() ([]RouteAccess, error) {
	table := (&server{}).routeTable()
	roles := authz.Roles()
	out := make([]RouteAccess, 0, len(table))
	seen := map[string]bool{}
	for _, rt := range table {
		key := rt.Method + " " + rt.Path
		if seen[key] {
			return nil, fmt.Errorf("route table: %s declared twice", key)
		}
		seen[key] = true
		ra := RouteAccess{Method: rt.Method, Path: rt.Path, OpenAPIPath: OpenAPIPath(rt.Path), Target: rt.Load.Name,
			Bodies: rt.Bodies, Unmetered: rt.Unmetered}
		if rt.Actions == nil {
			ra.Rule = describeRule(rt.Rule, roles)
			out = append(out, ra)
			continue
		}
		if err := checkActionOrder(rt); err != nil {
			return nil, fmt.Errorf("route table: %s: %w", key, err)
		}
		for _, a := range rt.ActionOrder {
			ra.Actions = append(ra.Actions, ActionAccess{Action: a, Rule: describeRule(rt.Actions[a], roles)})
		}
		out = append(out, ra)
	}
	return out, nil
}

// checkActionOrder fails unless ActionOrder lists every action of Actions
// exactly once: the docs print actions in that order and must miss none.
func checkActionOrder(rt route) error {
	listed := map[string]bool{}
	for _, a := range rt.ActionOrder {
		if _, ok := rt.Actions[a]; !ok || listed[a] {
			return fmt.Errorf("ActionOrder lists %q, which has no rule or is listed twice", a)
		}
		listed[a] = true
	}
	for a := range rt.Actions {
		if !listed[a] {
			return fmt.Errorf("action %q has a rule but ActionOrder omits it", a)
		}
	}
	return nil
}

// OpenAPIPath spells a gin route the way the spec does: ":id" and the
// catch-all "*any" become "{id}" and "{any}".
func OpenAPIPath(ginPath string) string {
	segs := strings.Split(ginPath, "/")
	for i, s := range segs {
		if len(s) > 1 && (s[0] == ':' || s[0] == '*') {
			segs[i] = "{" + s[1:] + "}"
		}
	}
	return strings.Join(segs, "/")
}

// describeRule spells r out, its alternative included.
func describeRule(r access.Rule, roles []authz.RoleInfo) RuleAccess {
	out := RuleAccess{Permission: r.Perm.String(), Mode: r.Mode.String(), Also: r.Also,
		Roles: holders(r, roles)}
	for _, p := range r.Preds {
		out.Predicates = append(out.Predicates, PredicateAccess{Name: p.Name, Doc: p.Doc, Deferred: p.Deferred})
	}
	if r.Or != nil {
		alt := describeRule(*r.Or, roles)
		out.Or = &alt
	}
	return out
}

// holders lists the roles that hold r's permission, strongest first. A
// permission ending in the {role} placeholder is held per granted role, so
// each holder is listed with the roles it may grant.
func holders(r access.Rule, roles []authz.RoleInfo) []string {
	switch {
	case r.Mode == access.Public && r.Perm.Obj == "":
		return []string{anyoneRole}
	case r.Mode == access.SignedIn && r.Perm.Obj == "":
		return []string{signedInRole}
	}
	perm := r.Perm.String()
	prefix, hole := strings.CutSuffix(perm, access.RoleHole)
	var out []string
	for _, role := range roles {
		if !hole {
			if slices.Contains(role.Permissions, perm) {
				out = append(out, role.Name)
			}
			continue
		}
		var grants []string
		for _, p := range role.Permissions {
			if g, ok := strings.CutPrefix(p, prefix); ok && g != "" {
				grants = append(grants, g)
			}
		}
		if len(grants) > 0 {
			out = append(out, role.Name+" ("+strings.Join(grants, ", ")+")")
		}
	}
	return out
}
