package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// NewRouter builds the complete HTTP handler: middleware chain, every
// route, and the problem+json answers for unknown routes and methods.
func NewRouter(d Deps) (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	if err := r.SetTrustedProxies(d.Config.TrustedProxies); err != nil {
		return nil, err
	}
	s := &server{Deps: d}
	metrics := newHTTPMetrics(d.Registry)
	r.Use(withRequestID(), withRecovery(d.Logger), withAccessLog(d.Logger), metrics.middleware(),
		withCORS(d.Config.CORSOrigins), withBodyLimit(d.Config.MaxBodyBytes, uploadBodyLimit(d.Config.MaxUploadBytes)), withQueryNULCheck(s))
	r.NoRoute(func(c *gin.Context) {
		writeProblem(c, problem{Type: "about:blank", Title: "Not Found", Status: http.StatusNotFound,
			Code: "route.not_found", Detail: "no such route", Instance: c.Request.URL.Path})
	})
	r.NoMethod(func(c *gin.Context) {
		writeProblem(c, problem{Type: "about:blank", Title: "Method Not Allowed", Status: http.StatusMethodNotAllowed,
			Code: "route.method_not_allowed", Detail: "the route does not accept this method", Instance: c.Request.URL.Path})
	})
	registerMeta(r, s)
	registerV1(r.Group("/v1"), s)
	return r, nil
}

func registerMeta(r *gin.Engine, s *server) {
	r.GET("/healthz", s.getHealth)
	r.GET("/readyz", s.getReady)
	r.GET("/metrics", s.getMetrics)
	r.GET("/openapi.json", getOpenAPI3)
	r.GET("/swagger.json", getSwagger)
	r.GET("/docs/*any", getDocs())
	r.GET("/.well-known/jwks.json", s.getJWKS)
}

func registerV1(v1 *gin.RouterGroup, s *server) {
	// The public POSTs take no Idempotency-Key (see DECISIONS.md): their
	// answers are credentials that must not be stored, and an anonymous
	// caller has no subject to scope a key by.
	v1.POST("/auth/register", s.register)
	v1.POST("/auth/login", s.login)
	v1.POST("/auth/refresh", s.refresh)
	v1.POST("/auth/logout", s.logout)
	v1.POST("/oauth/token", s.issueClientToken)

	a := v1.Group("", s.requireAuth(), s.idempotent())
	a.GET("/me", s.getMe)
	a.GET("/roles", s.listRoles)
	a.POST("/tenants", s.createTenant)
	a.GET("/units/:id", s.getUnit)
	a.POST("/units/:id/children", s.createUnitChild)
	a.GET("/units/:id/children", s.listUnitChildren)
	a.POST("/units/:id/role-assignments", s.createRoleAssignment)
	a.GET("/units/:id/role-assignments", s.listRoleAssignments)
	a.DELETE("/role-assignments/:id", s.deleteRoleAssignment)
	a.POST("/units/:id/members", s.createMember)
	a.GET("/units/:id/members", s.listMembers)
	a.POST("/units/:id/api-clients", s.createAPIClient)
	a.GET("/units/:id/api-clients", s.listAPIClients)
	a.DELETE("/api-clients/:id", s.deleteAPIClient)
	a.GET("/units/:id/audit-log", s.listAuditLog)
	a.POST("/tenants/:id/list-items", s.createListItem)
	a.GET("/tenants/:id/list-items", s.listListItems)
	a.GET("/list-items/:id", s.getListItem)
	a.PATCH("/list-items/:id", s.updateListItem)
	a.POST("/units/:id/organizations", s.createOrganization)
	a.GET("/units/:id/organizations", s.listOrganizations)
	a.POST("/organizations/:id/members", s.addOrganizationMember)
	a.POST("/units/:id/proposals", s.createProposal)
	a.GET("/units/:id/proposals", s.listProposals)
	a.GET("/proposals/:id", s.getProposal)
	a.POST("/proposals/:id/:action", s.transitionProposal)
	a.GET("/proposals/:id/events", s.listProposalEvents)
	a.POST("/proposals/:id/comments", s.createProposalComment)
	a.GET("/proposals/:id/comments", s.listProposalComments)
	registerExtra(a, s)
}
