package handlers

import (
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"yishi/authz/access"
	"yishi/internal/password"
	"yishi/internal/sms"
	"yishi/internal/throttle"
)

// NewRouter builds the complete HTTP handler: middleware chain, every
// route of the route table with its declared access, and the problem+json
// answers for unknown routes and methods. It refuses to build a router
// that serves a route the table does not declare.
func NewRouter(d Deps) (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	if err := r.SetTrustedProxies(d.Config.TrustedProxies); err != nil {
		return nil, err
	}
	if d.CommonPasswords == nil {
		common, err := password.LoadCommon()
		if err != nil {
			return nil, fmt.Errorf("router: %w", err)
		}
		d.CommonPasswords = common
	}
	if d.SMS == nil {
		sender, err := sms.FromSettings(sms.Settings{Sender: d.Config.SMSSender, WebhookURL: d.Config.SMSWebhookURL,
			WebhookSecret: d.Config.SMSWebhookSecret}, d.Logger, registererOf(d.Registry))
		if err != nil {
			return nil, fmt.Errorf("router: %w", err)
		}
		d.SMS = sender
	}
	if d.Writes == nil {
		d.Writes = throttle.New(max(d.Config.WriteRate, 1), time.Minute, 100_000, time.Now)
	}
	s := &server{Deps: d, access: access.NewDecider(d.Policy, d.Store.Client), public: newPublicCache(time.Now)}
	metrics := newHTTPMetrics(d.Registry)
	r.Use(withRequestID(), withRecovery(d.Logger), withAccessLog(d.Logger), metrics.middleware(),
		withCORS(d.Config.CORSOrigins), withBodyLimit(d.Config.MaxBodyBytes, uploadBodyLimit(d.Config.MaxUploadBytes), s.routeBodies), withQueryNULCheck(s))
	r.NoRoute(func(c *gin.Context) {
		writeProblem(c, problem{Type: "about:blank", Title: "Not Found", Status: http.StatusNotFound,
			Code: "route.not_found", Detail: "no such route", Instance: c.Request.URL.Path})
	})
	r.NoMethod(func(c *gin.Context) {
		writeProblem(c, problem{Type: "about:blank", Title: "Method Not Allowed", Status: http.StatusMethodNotAllowed,
			Code: "route.method_not_allowed", Detail: "the route does not accept this method", Instance: c.Request.URL.Path})
	})
	table := s.routeTable()
	s.routes = make(map[string]route, len(table))
	shared := s.sharedMiddleware()
	for _, rt := range table {
		s.routes[rt.Method+" "+rt.Path] = rt
		r.Handle(rt.Method, rt.Path, s.chain(rt, shared)...)
	}
	if err := checkDeclared(r, table); err != nil {
		return nil, err
	}
	return r, nil
}

// routeBodies lists the media types besides JSON that the matched route
// accepts; none for an unknown route.
func (s *server) routeBodies(c *gin.Context) []string {
	return s.routes[c.Request.Method+" "+c.FullPath()].Bodies
}

// chain is the middleware a route runs before its handler. Public routes
// run bare. Access is decided before the idempotency layer, so a replay
// is refused like a fresh request once the caller lost the right to make
// it (issue 15). The public POSTs take no Idempotency-Key (see DECISIONS.md):
// their answers are credentials that must not be stored, and an anonymous
// caller has no subject to scope a key by.
func (s *server) chain(rt route, shared middleware) []gin.HandlerFunc {
	if rt.Rule.Mode == access.Public && rt.Actions == nil {
		return []gin.HandlerFunc{s.errorsTo(rt.Handle)}
	}
	return []gin.HandlerFunc{shared.auth, s.limitWrites(rt), shared.keyValid, s.may(rt), shared.idempotent, s.errorsTo(rt.Handle)}
}

// middleware is the part of every authenticated chain that does not
// depend on the route, built once per router.
type middleware struct {
	auth, keyValid, idempotent gin.HandlerFunc
}

func (s *server) sharedMiddleware() middleware {
	return middleware{auth: s.requireAuth(), keyValid: s.idempotencyKeyValid(), idempotent: s.idempotent()}
}

// checkDeclared fails when the router serves a route the table does not
// declare, or declares one twice: access must be declared for every route.
func checkDeclared(r *gin.Engine, table []route) error {
	declared := map[string]int{}
	var bad []string
	for _, rt := range table {
		declared[rt.Method+" "+rt.Path]++
		if rt.Actions == nil && rt.Rule.Mode == access.Unset {
			bad = append(bad, rt.Method+" "+rt.Path+" (no mode)")
		}
		for a, r := range rt.Actions {
			if r.Mode == access.Unset {
				bad = append(bad, rt.Method+" "+rt.Path+" "+a+" (no mode)")
			}
		}
	}
	for _, ri := range r.Routes() {
		if k := ri.Method + " " + ri.Path; declared[k] != 1 {
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return fmt.Errorf("routes without exactly one access declaration: %v", bad)
	}
	return nil
}

// registererOf is reg as a Registerer, or nil when there is no registry
// (a nil *Registry inside the interface would panic on registration).
func registererOf(reg *prometheus.Registry) prometheus.Registerer {
	if reg == nil {
		return nil
	}
	return reg
}
