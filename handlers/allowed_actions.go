package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/authz/access"
)

// action is one button a front end may render on a resource: its name in
// allowed_actions, the route that performs it and whether the resource's
// state admits it now.
type action struct {
	Name  string
	Route string // "METHOD /path" of the route table
	// Action names the …/:action value when Route is an action route.
	Action string
	// Ready reports whether the resource's state admits the action; nil
	// means always.
	Ready func() bool
}

// allowedActions lists the actions the caller may take on t now, decided
// by the same rules the routes declare, so a listed action does not answer
// 403 (it may still answer 409 or 422 for preconditions the list cannot
// see, such as a missing task or a past deadline).
func (s *server) allowedActions(c *gin.Context, t access.Target, actions []action) []string {
	out := []string{}
	for _, a := range actions {
		if a.Ready != nil && !a.Ready() {
			continue
		}
		r, ok := s.ruleOf(a.Route, a.Action)
		if ok && s.access.Allowed(c.Request.Context(), r, t) {
			out = append(out, a.Name)
		}
	}
	return out
}

// ruleOf finds the declared rule of a route ("POST /v1/votes/:id/open")
// and, for action routes, of one action.
func (s *server) ruleOf(key, act string) (access.Rule, bool) {
	rt, ok := s.routes[key]
	if !ok {
		return access.Rule{}, false
	}
	if rt.Actions != nil {
		r, ok := rt.Actions[act]
		return r, ok
	}
	return rt.Rule, true
}
