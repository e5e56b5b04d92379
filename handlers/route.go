package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"yishi/authz/access"
	"yishi/ent/schema/schematype"
	"yishi/internal/apperr"
)

// route is one line of the route table: the path, how its target is found,
// who may call it, and what runs. Every route the router serves is a line
// here; NewRouter refuses to start when one is registered any other way.
type route struct {
	Method string
	Path   string
	// Load finds the target the rule is decided on; the zero loader means
	// the route has none (platform-level, signed-in or public routes).
	Load loader
	// Rule is the declared access.
	Rule access.Rule
	// Actions replaces Rule on …/:action routes: one rule per action, and
	// an action with no rule is 404.
	Actions map[string]access.Rule
	// ActionOrder lists Actions in the order docs print them.
	ActionOrder []string
	// Bodies lists the media types besides JSON the route's body may
	// have (multipart/form-data for uploads); any other is 415.
	Bodies []string
	// Unmetered routes are exempt from the per-caller write rate.
	Unmetered bool
	Handle    handlerFunc
}

// loader finds a route's target: it reads the row named by the path as the
// caller (privacy answers 404 for what they may not see) and says where it
// lies in the unit tree.
type loader struct {
	Name string
	Load func(s *server, c *gin.Context) (access.Target, error)
}

// targetKey is where may leaves the decided target for the handler.
const targetKey = "yishi.target"

// may loads the route's target and decides its rule; the handler runs only
// when access is granted, and finds the loaded row with targetOf.
func (s *server) may(rt route) gin.HandlerFunc {
	return func(c *gin.Context) {
		rule := rt.Rule
		if rt.Actions != nil {
			r, ok := rt.Actions[c.Param("action")]
			if !ok {
				s.noAction(c, rt)
				return
			}
			rule = r
		}
		var t access.Target
		if rt.Load.Load != nil {
			var err error
			if t, err = rt.Load.Load(s, c); err != nil {
				writeError(c, s.Logger, err)
				return
			}
		}
		if err := s.access.DecideRule(c.Request.Context(), rule, t); err != nil {
			writeError(c, s.Logger, err)
			return
		}
		c.Set(targetKey, t)
	}
}

// noAction answers a …/:action route whose action is unknown: 405 with
// Allow when the same path is a route of other methods (POST
// /v1/meetings/{id}/minutes is GET or PUT, not the action "minutes"),
// else 404 action.not_found.
func (s *server) noAction(c *gin.Context, rt route) {
	static := strings.TrimSuffix(rt.Path, ":action") + c.Param("action")
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if _, ok := s.routes[m+" "+static]; ok && m != rt.Method {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) == 0 {
		writeError(c, s.Logger, apperr.NotFound("action"))
		return
	}
	c.Header("Allow", strings.Join(allowed, ", "))
	writeProblem(c, problem{Type: "about:blank", Title: "Method Not Allowed", Status: http.StatusMethodNotAllowed,
		Code: "route.method_not_allowed", Detail: "the route does not accept this method", Instance: c.Request.URL.Path})
}

// targetOf returns the row may loaded for this request. A route whose
// loader yields another type is a programming error the route tests catch.
func targetOf[T any](c *gin.Context) T {
	v, _ := c.Get(targetKey)
	t, _ := v.(access.Target)
	obj, _ := t.Object.(T)
	return obj
}

// accessTarget returns the whole decided target, for handlers that make a
// further body-dependent decision on it.
func accessTarget(c *gin.Context) access.Target {
	v, _ := c.Get(targetKey)
	t, _ := v.(access.Target)
	return t
}

// decide is Decide for the caller of c: handlers use it for the checks a
// route declares in Rule.Also, which depend on the body.
// Each decision it grants is remembered for the idempotency layer, which
// stores it with the answer and decides it again on a replay.
func (s *server) decide(c *gin.Context, perm string, t access.Target, mode access.Mode, preds ...access.Predicate) error {
	if err := s.access.Decide(c.Request.Context(), access.Perm(perm), t, mode, preds...); err != nil {
		return err
	}
	checks := accessChecksOf(c)
	c.Set(checksKey, append(checks, schematype.AccessCheck{Permission: perm, UnitPath: t.UnitPath,
		Mode: mode.String(), Kind: t.Kind}))
	return nil
}

// checksKey is where decide lists the body-dependent decisions granted.
const checksKey = "yishi.access_checks"

// accessChecksOf lists the body-dependent decisions granted so far.
func accessChecksOf(c *gin.Context) []schematype.AccessCheck {
	v, _ := c.Get(checksKey)
	checks, _ := v.([]schematype.AccessCheck)
	return checks
}

// recheck decides again, for the caller of c, the body-dependent checks a
// stored answer passed: a replay is refused like a fresh request once the
// caller lost the right (a revoked grant power, a lost on-behalf role).
func (s *server) recheck(c *gin.Context, checks []schematype.AccessCheck) error {
	for _, ch := range checks {
		mode, ok := access.ModeOf(ch.Mode)
		if !ok {
			return fmt.Errorf("idempotency: stored check with unknown mode %q", ch.Mode)
		}
		t := access.Target{Kind: ch.Kind, UnitPath: ch.UnitPath, Visible: true}
		if err := s.access.Decide(c.Request.Context(), access.Perm(ch.Permission), t, mode); err != nil {
			return err
		}
	}
	return nil
}
