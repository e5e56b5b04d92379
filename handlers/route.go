package handlers

import (
	"github.com/gin-gonic/gin"

	"yishi/authz/access"
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
				writeError(c, s.Logger, apperr.NotFound("action"))
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
func (s *server) decide(c *gin.Context, perm string, t access.Target, mode access.Mode, preds ...access.Predicate) error {
	return s.access.Decide(c.Request.Context(), access.Perm(perm), t, mode, preds...)
}
